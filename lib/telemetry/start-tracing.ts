import { context, propagation, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { defaultResource, resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, type SpanExporter, TracerProvider } from "@opentelemetry/sdk-trace";
import type { TracingConfig } from "@/lib/env";
import { orbitVersion } from "@/lib/version";

export type Tracing = {
  /** Exports every span ended so far. */
  flush(): Promise<void>;
  /** Flushes, then stops exporting; spans started afterwards are dropped. */
  shutdown(): Promise<void>;
};

/**
 * Registers the process-wide tracer provider that exports spans over OTLP/HTTP (JSON) to
 * `${OTEL_EXPORTER_OTLP_ENDPOINT}/v1/traces`: Next's own spans (requests, route handlers, rendering) and Orbit's
 * (`orbit.tool_call`, `orbit.webhook.receive`) land in one trace. A `traceparent` header from a proxy or client
 * continues its trace. Only loaded when tracing is configured (see registerTracing), so an Orbit without it never
 * loads the SDK. `exporter` is for tests.
 */
export function startTracing(options: {
  config: TracingConfig;
  process: "web" | "worker";
  exporter?: SpanExporter;
}): Tracing {
  const { config } = options;
  const exporter =
    options.exporter ??
    new OTLPTraceExporter({ url: `${config.endpoint}/v1/traces`, headers: config.headers });
  const provider = new TracerProvider({
    resource: defaultResource().merge(
      resourceFromAttributes({
        "service.name": config.serviceName,
        "service.version": orbitVersion,
        "orbit.process": options.process,
      }),
    ),
    spanProcessors: [new BatchSpanProcessor({ exporter })],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  return {
    flush: () => provider.forceFlush(),
    shutdown: async () => {
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}
