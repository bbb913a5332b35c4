import { orbitVersion } from "@/lib/version";

export const dynamic = "force-dynamic";

// Liveness only: answers as long as the process serves requests, touching nothing else.
export function GET() {
  return Response.json({ status: "ok", version: orbitVersion });
}
