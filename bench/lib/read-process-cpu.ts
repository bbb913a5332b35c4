import { readdirSync, readFileSync } from "node:fs";

// Linux clock ticks per second as /proc reports them (USER_HZ, 100 on every mainstream kernel).
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, ms) used so far by a process and every process below it, from /proc. Throughput on a
 * shared 2-core machine moves with whatever else runs; CPU time per call does not, so the benchmarks report both.
 * Linux only; elsewhere it answers null.
 */
export function readProcessTreeCpuMs(rootPid: number): number | null {
  let stats: { pid: number; ppid: number; ticks: number }[];
  try {
    stats = readdirSync("/proc")
      .filter((name) => /^\d+$/.test(name))
      .flatMap((name) => {
        try {
          // The command name may hold spaces or parentheses; the fields after its last ")" are fixed.
          const raw = readFileSync(`/proc/${name}/stat`, "utf8");
          const fields = raw.slice(raw.lastIndexOf(")") + 2).split(" ");
          return [
            { pid: Number(name), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) },
          ];
        } catch {
          return [];
        }
      });
  } catch {
    return null;
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of stats) {
      if (!tree.has(s.pid) && tree.has(s.ppid)) {
        tree.add(s.pid);
        grew = true;
      }
    }
  }
  const ticks = stats.filter((s) => tree.has(s.pid)).reduce((sum, s) => sum + s.ticks, 0);
  return (ticks * 1000) / TICKS_PER_SECOND;
}
