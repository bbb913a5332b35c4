import { buildOpenApiDocument } from "@/lib/openapi/build-openapi-document";

export const dynamic = "force-dynamic";

// The API's own description. Public, like most APIs' docs: it describes shapes, never data, and clients fetch it
// before they have a key. Built once per process: it only changes with the code.
let body: string | undefined;

export function GET() {
  body ??= JSON.stringify(buildOpenApiDocument());
  return new Response(body, {
    headers: { "content-type": "application/json", "cache-control": "public, max-age=300" },
  });
}
