import { trace } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { register } from "@/instrumentation";
import { EnvError, parseTracingEnv } from "@/lib/env";
import { registerTracing } from "@/lib/telemetry/register-tracing";
import { withSpan } from "@/lib/telemetry/with-span";

// Without OTEL_EXPORTER_OTLP_ENDPOINT nothing is started: no tracer provider, spans that record nothing. (The
// tracing.int.test.ts file covers the other side, in its own process.)

describe("tracing switched off", () => {
  it("registers no tracer when OTEL_EXPORTER_OTLP_ENDPOINT is unset, and Orbit's spans record nothing", async () => {
    delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
    process.env.NEXT_RUNTIME = "nodejs";
    await register();
    expect(await registerTracing("web")).toBeNull();
    // The API's global registry holds no tracer provider: Next's spans and ours go nowhere.
    const api = (globalThis as Record<symbol, { trace?: unknown } | undefined>)[
      Symbol.for("opentelemetry.js.api.1")
    ];
    expect(api?.trace).toBeUndefined();
    const recording = await withSpan("orbit.test", {}, async (span) => span.isRecording());
    expect(recording).toBe(false);
    expect(trace.getActiveSpan()).toBeUndefined();
  });
});

describe("parseTracingEnv", () => {
  it("is null without an endpoint, whatever else is set", () => {
    expect(parseTracingEnv({ OTEL_SERVICE_NAME: "x", OTEL_EXPORTER_OTLP_HEADERS: "a=b" })).toBeNull();
    expect(parseTracingEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: "" })).toBeNull();
  });

  it("reads the endpoint, percent-encoded headers and the service name, with defaults", () => {
    expect(parseTracingEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318/" })).toEqual({
      endpoint: "http://collector:4318",
      headers: {},
      serviceName: "orbit",
    });
    expect(
      parseTracingEnv({
        OTEL_EXPORTER_OTLP_ENDPOINT: "https://otlp.example.com",
        OTEL_EXPORTER_OTLP_HEADERS: "Authorization=Basic%20dXNlcjpwdw==, x-tenant = acme",
        OTEL_SERVICE_NAME: "orbit-eu",
      }),
    ).toEqual({
      endpoint: "https://otlp.example.com",
      headers: { Authorization: "Basic dXNlcjpwdw==", "x-tenant": "acme" },
      serviceName: "orbit-eu",
    });
  });

  it("stops the boot naming the variable when a value is malformed", () => {
    const problems = (source: Record<string, string>) => {
      try {
        parseTracingEnv(source);
        return [];
      } catch (error) {
        expect(error).toBeInstanceOf(EnvError);
        return (error as EnvError).problems;
      }
    };
    expect(problems({ OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318" })).toEqual([
      expect.stringMatching(/^OTEL_EXPORTER_OTLP_ENDPOINT /),
    ]);
    expect(
      problems({
        OTEL_EXPORTER_OTLP_ENDPOINT: "http://c:4318",
        OTEL_EXPORTER_OTLP_HEADERS: "no-equals-sign",
      }),
    ).toEqual([expect.stringMatching(/^OTEL_EXPORTER_OTLP_HEADERS must be key=value pairs/)]);
  });
});
