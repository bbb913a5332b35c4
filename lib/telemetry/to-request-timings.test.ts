import { describe, expect, it } from "vitest";
import { toRequestTimings } from "@/lib/telemetry/to-request-timings";

describe("toRequestTimings", () => {
  it("keeps only the measured steps, sums attempts into upstreamMs, and never shows a total below its parts", () => {
    const timings = toRequestTimings({
      routeMs: 0.04,
      mapMs: 0.04,
      call: {
        cacheMs: 0.04,
        attempts: [
          { ms: 10.04, replica: "http://a", outcome: "upstream_error" },
          { ms: 5.04, replica: "http://b", outcome: "ok" },
        ],
      },
      totalMs: 15.2,
    });
    expect(timings).toEqual({
      routeMs: 0,
      mapMs: 0,
      cacheMs: 0,
      attempts: [
        { ms: 10, replica: "http://a", outcome: "upstream_error" },
        { ms: 5, replica: "http://b", outcome: "ok" },
      ],
      upstreamMs: 15,
      totalMs: 15.2,
    });
    expect("verifyMs" in timings).toBe(false);
  });

  it("raises a total that rounding left below the sum of its steps", () => {
    const timings = toRequestTimings({ verifyMs: 1.06, routeMs: 1.06, totalMs: 2.12 });
    expect(timings.totalMs).toBeGreaterThanOrEqual((timings.verifyMs ?? 0) + (timings.routeMs ?? 0));
  });
});
