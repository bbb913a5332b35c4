import { describe, expect, it } from "vitest";
import { createWriteBatcher } from "./create-write-batcher";

describe("createWriteBatcher", () => {
  it("writes the first call alone and everything that came meanwhile together, in order", async () => {
    const writes: number[][] = [];
    let release: () => void = () => {};
    const write = createWriteBatcher<number>(async (items) => {
      writes.push(items);
      if (writes.length === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const first = write([1]);
    const rest = [write([2]), write([3, 4]), write([5])];
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toEqual([[1]]);
    release();
    await Promise.all([first, ...rest]);
    expect(writes).toEqual([[1], [2, 3, 4, 5]]);
  });

  it("keeps batches under the limit and settles every caller even when a write fails", async () => {
    const writes: number[][] = [];
    const write = createWriteBatcher<number>(async (items) => {
      writes.push(items);
      throw new Error("database away");
    }, 2);
    await Promise.all([write([1]), write([2]), write([3]), write([4, 5]), write([])]);
    expect(writes[0]).toEqual([1]);
    expect(writes.slice(1)).toEqual([
      [2, 3],
      [4, 5],
    ]);
  });
});
