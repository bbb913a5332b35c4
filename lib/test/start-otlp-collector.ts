import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** One span as an OTLP/HTTP JSON export carries it, attributes flattened to plain values. */
export type CollectedSpan = {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  /** 0 unset, 1 ok, 2 error. */
  status: number;
  attributes: Record<string, string | number | boolean>;
  resource: Record<string, string | number | boolean>;
};

export type OtlpCollector = {
  /** The base URL to set as OTEL_EXPORTER_OTLP_ENDPOINT. */
  origin: string;
  spans: CollectedSpan[];
  /** Headers of every export request received, in order. */
  requests: { path: string; headers: Record<string, string | string[] | undefined> }[];
  stop(): Promise<void>;
};

type OtlpValue = {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  doubleValue?: number;
};
type OtlpAttribute = { key: string; value: OtlpValue };

/**
 * A local stand-in for an OpenTelemetry collector's OTLP/HTTP receiver (`POST /v1/traces`), accepting the JSON
 * encoding and answering as a collector does (200 with an empty partial-success object). Other paths or encodings
 * get 415/404, so a test fails loudly if the exporter sends something else.
 */
export async function startOtlpCollector(): Promise<OtlpCollector> {
  const spans: CollectedSpan[] = [];
  const requests: OtlpCollector["requests"] = [];
  const server = createServer(async (req, res) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    requests.push({ path: req.url ?? "", headers: req.headers });
    if (req.method !== "POST" || req.url !== "/v1/traces") return void res.writeHead(404).end();
    if (!req.headers["content-type"]?.startsWith("application/json")) return void res.writeHead(415).end();
    const body = JSON.parse(raw) as {
      resourceSpans?: {
        resource?: { attributes?: OtlpAttribute[] };
        scopeSpans?: {
          spans?: {
            name: string;
            traceId: string;
            spanId: string;
            parentSpanId?: string;
            status?: { code?: number };
            attributes?: OtlpAttribute[];
          }[];
        }[];
      }[];
    };
    for (const resourceSpans of body.resourceSpans ?? []) {
      const resource = flatten(resourceSpans.resource?.attributes);
      for (const scope of resourceSpans.scopeSpans ?? []) {
        for (const span of scope.spans ?? []) {
          spans.push({
            name: span.name,
            traceId: span.traceId,
            spanId: span.spanId,
            parentSpanId: span.parentSpanId || null,
            status: span.status?.code ?? 0,
            attributes: flatten(span.attributes),
            resource,
          });
        }
      }
    }
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    spans,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function flatten(attributes: OtlpAttribute[] = []): Record<string, string | number | boolean> {
  const flat: Record<string, string | number | boolean> = {};
  for (const { key, value } of attributes) {
    if (value.stringValue !== undefined) flat[key] = value.stringValue;
    else if (value.intValue !== undefined) flat[key] = Number(value.intValue);
    else if (value.boolValue !== undefined) flat[key] = value.boolValue;
    else if (value.doubleValue !== undefined) flat[key] = value.doubleValue;
  }
  return flat;
}
