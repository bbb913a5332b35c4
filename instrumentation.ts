import type { Instrumentation } from "next";

// Next's instrumentation hook; Next looks for it only here, at the project root. The substance is in lib/telemetry.
// Node-only modules are imported inside the runtime check (the form Next documents), so the Edge bundle of the
// middleware never includes them.

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { registerTracing } = await import("@/lib/telemetry/register-tracing");
    await registerTracing("web");
  }
}

export const onRequestError: Instrumentation.onRequestError = async (...args) => {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { logRequestError } = await import("@/lib/telemetry/log-request-error");
    logRequestError(...args);
  }
};
