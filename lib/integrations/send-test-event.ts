import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, assertRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import { buildTestEvent } from "@/lib/integrations/build-test-event";
import { openSecrets } from "@/lib/integrations/open-secrets";
import { toWebhookKind } from "@/lib/webhooks/to-webhook-kind";

const TIMEOUT_MS = 30_000;

export type TestEventResponse = { status: number; body: unknown; sentId: string };

/**
 * Sends the integration's sample event, signed with its first secret, to its PUBLIC endpoint at `origin` — the same
 * door a platform uses, so size limits, rate limits, verification, dedupe, routing and the tool call all run as they
 * would for real. Answers the endpoint's HTTP status and JSON body.
 *
 * `origin` is where the operator reached Orbit (the request's Host). In header mode the secret itself travels in a
 * header, so an operator who forges Host could send it elsewhere; operators already manage these integrations, and
 * redirects are refused so at least no third host is involved unseen.
 */
export async function sendTestEvent(options: {
  actor: Actor;
  integrationId: string;
  text?: string;
  origin: string;
  ip?: string;
}): Promise<TestEventResponse> {
  assertRole(options.actor, "operator");
  const prisma = getPrisma();
  const integration = await prisma.integration.findUnique({ where: { id: options.integrationId } });
  if (!integration) throw new AppError("not_found", "No such integration.");
  if (!integration.enabled) {
    throw new AppError("conflict", "This integration is disabled; enable it to send a test event.");
  }
  const origin = new URL(options.origin);
  if (origin.protocol !== "http:" && origin.protocol !== "https:") {
    throw new AppError("bad_request", "The origin must be http or https.");
  }

  // Signed with the first (oldest) secret: while rotating, the endpoint accepts either.
  const [secret] = openSecrets(integration.secretsEncrypted);
  if (!secret) throw new AppError("internal", "This integration has no secret.");
  const event = await buildTestEvent({
    kind: toWebhookKind(integration.kind),
    secret,
    verifyConfig: integration.verifyConfig,
    text: options.text,
  });
  const url = new URL(`/api/webhooks/${encodeURIComponent(integration.slug)}`, origin);
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: event.headers,
      body: event.body,
      redirect: "error",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new AppError("upstream_error", `The webhook endpoint at ${url.origin} could not be reached.`, {
      cause: error,
    });
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (a proxy's error page): shown as text.
  }

  await recordAudit(prisma, {
    actor: options.actor,
    action: "integration.test_event",
    targetType: "integration",
    targetId: integration.id,
    details: { sentId: event.id, status: response.status, url: url.toString() },
    ip: options.ip,
  });
  return { status: response.status, body, sentId: event.id };
}
