/**
 * What the chat page shows for one message: where it went, what was called with what, and how it went. Fields the
 * path did not reach (no route matched, the call never started) are null.
 */
export type ChatTurn = {
  via: "integration" | "tool";
  /** The delivery's status for an integration ("processing" until terminal), "succeeded"/"failed" for a tool. */
  status: string;
  terminal: boolean;
  deliveryId: string | null;
  /** What the webhook endpoint answered (200 terminal, 202 still working), for an integration. */
  httpStatus: number | null;
  route: { id: string; name: string | null } | null;
  server: string | null;
  tool: string | null;
  arguments: unknown;
  result: unknown;
  error: { code: string; message: string } | null;
  latencyMs: number | null;
  /** Calls made to the upstream (retries included). */
  attempts: number | null;
  cached: boolean | null;
};
