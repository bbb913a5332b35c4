import type { Instrumentation } from "next";
import { log } from "@/lib/telemetry/log";

/**
 * Next's onRequestError hook: an error no route handler caught (a page or server action that threw) becomes one
 * JSON log line with its stack, like every other error Orbit logs. The path is logged without its query, which may
 * carry tokens; headers are never logged.
 */
export const logRequestError: Instrumentation.onRequestError = (error, request, context) => {
  log.error("unhandled error in a request", {
    error,
    method: request.method,
    path: request.path.split("?")[0],
    route: context.routePath,
    routeType: context.routeType,
  });
};
