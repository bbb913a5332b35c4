import { readFileSync } from "node:fs";
import { availableParallelism, totalmem } from "node:os";

/** The facts a benchmark number means nothing without. */
export function describeMachine(): { cpus: number; memoryGiB: number; cpuModel: string; node: string } {
  let cpuModel = "unknown";
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((l) => l.startsWith("model name"));
    if (line) cpuModel = line.slice(line.indexOf(":") + 1).trim();
  } catch {}
  return {
    cpus: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    cpuModel,
    node: process.version,
  };
}
