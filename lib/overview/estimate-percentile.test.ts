import { describe, expect, it } from "vitest";
import { estimatePercentile } from "@/lib/overview/estimate-percentile";
import { overviewRangeSchema } from "@/lib/overview/overview-ranges";

describe("estimatePercentile", () => {
  // Buckets: <5, 5–10, 10–25, 25–50, 50–100, 100–250, 250–500, 500–1000, …, ≥30000 ms.
  it("interpolates inside the bucket the rank falls in", () => {
    const buckets = [0, 0, 0, 0, 10, 0, 0, 0, 0, 0, 0, 0, 0];
    expect(estimatePercentile(buckets, 0.5, 90)).toBe(70);
    expect(estimatePercentile(buckets, 1, 90)).toBe(90);
  });

  it("caps the open last bucket with the largest latency seen", () => {
    const buckets = [9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
    expect(estimatePercentile(buckets, 0.5, 45_000)).toBeLessThan(5);
    expect(estimatePercentile(buckets, 0.99, 45_000)).toBeGreaterThanOrEqual(30_000);
    expect(estimatePercentile(buckets, 0.99, 45_000)).toBeLessThanOrEqual(45_000);
  });

  it("has no answer without data", () => {
    expect(estimatePercentile([], 0.5, 0)).toBeNull();
    expect(estimatePercentile(new Array(13).fill(0), 0.95, 0)).toBeNull();
  });
});

describe("overviewRangeSchema", () => {
  it("accepts the offered ranges and falls back to the last hour for anything else", () => {
    expect(overviewRangeSchema.parse("7d")).toBe("7d");
    expect(overviewRangeSchema.parse("2y")).toBe("1h");
    expect(overviewRangeSchema.parse(undefined)).toBe("1h");
    expect(overviewRangeSchema.parse(["6h", "24h"])).toBe("1h");
  });
});
