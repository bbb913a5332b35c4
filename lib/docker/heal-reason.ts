/** Why the healer restarts a container. */
export type HealReason = "unhealthy" | "exited" | "oom" | "server_unhealthy";

export const healReasonText: Record<HealReason, string> = {
  unhealthy: "its health check reports unhealthy",
  exited: "it exited with a non-zero code",
  oom: "it ran out of memory",
  server_unhealthy: "its MCP server fails its health checks",
};
