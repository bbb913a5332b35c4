import { checkReadiness } from "@/lib/health/check-readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await checkReadiness();
  return Response.json(readiness, { status: readiness.status === "ok" ? 200 : 503 });
}
