import { describe, expect, it } from "vitest";
import { createTextBatcher } from "./create-text-batcher";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("createTextBatcher", () => {
  it("writes tokens that arrive within one interval as one event, in order, and the rest on flush", async () => {
    const written: string[] = [];
    const batcher = createTextBatcher(async (_type, data) => {
      written.push(String(data?.text));
    }, 40);
    for (const token of ["Hel", "lo", ", "]) batcher.push(token);
    await sleep(80);
    batcher.push("world");
    await batcher.flush();
    expect(written).toEqual(["Hello, ", "world"]);
    await batcher.flush();
    expect(written).toHaveLength(2);
  });

  it("rethrows a failed write at the next flush", async () => {
    const batcher = createTextBatcher(async () => {
      throw new Error("database down");
    }, 10);
    batcher.push("x");
    await sleep(30);
    await expect(batcher.flush()).rejects.toThrow("database down");
  });
});
