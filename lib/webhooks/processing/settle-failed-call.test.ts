import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { settleFailedCall } from "@/lib/webhooks/processing/settle-failed-call";

const now = new Date("2026-11-21T12:00:00Z");
const echo = { name: "echo", annotations: { readOnlyHint: true, idempotentHint: true } };
const charge = { name: "charge", annotations: { idempotentHint: false } };

describe("settleFailedCall", () => {
  it("waits for an open circuit to let a probe through instead of spending the schedule on refusals", () => {
    const error = new AppError("circuit_open", "paused", { retryAfter: 30, details: { attempts: 0 } });
    const settled = settleFailedCall({
      error,
      tool: charge,
      attempts: 1,
      schedule: [0, 2, 2],
      now,
      random: () => 0.5,
    });
    expect(settled.status).toBe("retrying");
    expect(settled.nextAttemptAt!.getTime() - now.getTime()).toBe(30_000);
  });

  it("keeps the schedule's own wait when it is the longer one", () => {
    const error = new AppError("circuit_open", "paused", { retryAfter: 1, details: { attempts: 0 } });
    const settled = settleFailedCall({
      error,
      tool: echo,
      attempts: 1,
      schedule: [0, 5],
      now,
      random: () => 0.5,
    });
    expect(settled.nextAttemptAt!.getTime() - now.getTime()).toBe(5_000);
  });

  it("dead-letters a non-idempotent call that may have reached the server, and retries one that never did", () => {
    const lost = new AppError("upstream_error", "reset", { details: { attempts: 1, reachedServer: true } });
    expect(settleFailedCall({ error: lost, tool: charge, attempts: 1, schedule: [0, 5], now }).status).toBe(
      "dead",
    );
    const refused = new AppError("upstream_error", "refused", {
      details: { attempts: 1, reachedServer: false },
    });
    expect(
      settleFailedCall({ error: refused, tool: charge, attempts: 1, schedule: [0, 5], now }).status,
    ).toBe("retrying");
  });
});
