import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { GET } from "@/app/api/v1/openapi.json/route";
import { AppError, errorStatus } from "@/lib/errors/app-error";
import type { Readiness } from "@/lib/health/check-readiness";
import { errorResponse } from "@/lib/http/error-response";
import type {
  errorEnvelopeSchema,
  readinessSchema,
  restMcpAnswerSchema,
  restServersSchema,
} from "@/lib/openapi/openapi-schemas";
import { errorEnvelopeSchema as envelope } from "@/lib/openapi/openapi-schemas";
import type { RestMcpAnswer } from "@/lib/rest/answer-rest-mcp-request";
import type { RestServerView } from "@/lib/rest/list-rest-servers";

type Doc = {
  openapi: string;
  info: { version: string };
  paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
};

const root = path.resolve(import.meta.dirname, "../..");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every route handler under app/api/v1, as "METHOD /path" with [param] segments written {param}. */
async function routesOnDisk(): Promise<string[]> {
  const found: string[] = [];
  const base = path.join(root, "app/api/v1");
  for (const entry of await readdir(base, { recursive: true })) {
    if (path.basename(entry) !== "route.ts") continue;
    const source = await readFile(path.join(base, entry), "utf8");
    const route = `/api/v1/${path.dirname(entry)}`.replaceAll(path.sep, "/").replace(/\[(\w+)\]/g, "{$1}");
    for (const method of METHODS) {
      const exported = new RegExp(
        `export (async )?function ${method}\\b|\\bas ${method}\\b|export const ${method}\\b`,
      );
      if (exported.test(source)) found.push(`${method} ${route}`);
    }
  }
  return found.sort();
}

async function fetchDocument(): Promise<{ response: Response; doc: Doc }> {
  // No Authorization header: the document is public.
  const response = GET();
  const doc = JSON.parse(await response.clone().text()) as Doc;
  return { response, doc };
}

describe("GET /api/v1/openapi.json", () => {
  it("answers an OpenAPI 3.1 document without a key", async () => {
    const { response, doc } = await fetchDocument();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.paths["/api/v1/openapi.json"]?.get?.security).toEqual([]);
  });

  it("describes every /api/v1 route handler that exists, and none that does not", async () => {
    const { doc } = await fetchDocument();
    const documented = Object.entries(doc.paths)
      .filter(([route]) => route.startsWith("/api/v1/"))
      .flatMap(([route, operations]) => Object.keys(operations).map((m) => `${m.toUpperCase()} ${route}`))
      .sort();
    const onDisk = await routesOnDisk();
    expect(onDisk).toContain("POST /api/v1/mcp/{server}");
    expect(documented).toEqual(onDisk);
  });

  it("answers every error in the one envelope, whose codes are the error table's", async () => {
    const { doc } = await fetchDocument();
    for (const [route, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          if (Number(status) < 400 || route === "/api/ready") continue;
          expect(JSON.stringify(response), `${method} ${route} ${status}`).toContain(
            "#/components/schemas/ErrorEnvelope",
          );
        }
      }
    }
    const code = (
      doc.components.schemas.ErrorEnvelope as {
        properties: { error: { properties: { code: { enum: string[] } } } };
      }
    ).properties.error.properties.code.enum;
    expect(code.sort()).toEqual(Object.keys(errorStatus).sort());
    // Every $ref points at a schema the document defines.
    for (const [, name] of JSON.stringify(doc).matchAll(/"#\/components\/schemas\/(\w+)"/g)) {
      expect(doc.components.schemas, name).toHaveProperty(name!);
    }
  });

  it("documents the envelope the routes really send", async () => {
    const sent = await errorResponse(
      new AppError("rate_limited", "Slow down.", { retryAfter: 3 }),
      "req-1",
    ).json();
    expect(envelope.parse(sent)).toEqual(sent);
  });
});

// The documented answers and the types the code builds them as: a drift fails `npm run typecheck`.
expectTypeOf<Readiness>().toExtend<z.output<typeof readinessSchema>>();
expectTypeOf<RestServerView>().toExtend<z.output<typeof restServersSchema>["servers"][number]>();
expectTypeOf<Omit<RestMcpAnswer, "result">>().toExtend<
  Omit<z.output<typeof restMcpAnswerSchema>, "result">
>();
expectTypeOf<z.output<typeof errorEnvelopeSchema>["error"]["code"]>().toEqualTypeOf<
  keyof typeof errorStatus
>();
