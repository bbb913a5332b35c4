import { createHmac, randomUUID } from "node:crypto";
import { sign as signGithub } from "@octokit/webhooks-methods";
import { Webhook } from "standardwebhooks";
import { builderioPublishSample } from "@/lib/integrations/samples/builderio-publish-sample";
import { genericSample } from "@/lib/integrations/samples/generic-sample";
import { githubIssuesOpenedSample } from "@/lib/integrations/samples/github-issues-opened-sample";
import { respondioMessageReceivedSample } from "@/lib/integrations/samples/respondio-message-received-sample";
import type { SampleEvent } from "@/lib/integrations/samples/sample-event";
import { standardWebhooksSample } from "@/lib/integrations/samples/standard-webhooks-sample";
import { DEFAULT_SECRET_HEADER, DEFAULT_SIGNATURE_HEADER } from "@/lib/webhooks/verify/check-secret-header";
import { verificationConfigSchema, type WebhookKind } from "@/lib/webhooks/verify/verification-config-schema";

/** A request as the platform would send it: the exact body and the headers that sign and name it. */
export type TestEvent = {
  body: string;
  headers: Record<string, string>;
  id: string;
  eventType: string | null;
};

const samples: Record<WebhookKind, (options: { id: string; text: string; now: Date }) => SampleEvent> = {
  github: githubIssuesOpenedSample,
  "standard-webhooks": standardWebhooksSample,
  respondio: respondioMessageReceivedSample,
  builderio: builderioPublishSample,
  generic: genericSample,
};

export const DEFAULT_TEST_TEXT = "Hello from Orbit's test event";

/**
 * Builds the kind's sample and signs it with `secret` exactly as the platform does, with the packages the verifiers
 * use (so a test event that passes here passes for the same reasons a real delivery does). Every call gets a fresh id,
 * which is also the delivery id or part of the signed body, so a test event is never taken for a duplicate.
 */
export async function buildTestEvent(options: {
  kind: WebhookKind;
  secret: string;
  verifyConfig: unknown;
  text?: string;
  now?: Date;
}): Promise<TestEvent> {
  const now = options.now ?? new Date();
  const id = randomUUID();
  const sample = samples[options.kind]({ id, text: options.text?.trim() || DEFAULT_TEST_TEXT, now });
  const body = JSON.stringify(sample.payload);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "Orbit-TestEvent/1",
  };
  const parsed = verificationConfigSchema.parse({
    kind: options.kind,
    secrets: [options.secret],
    config: options.verifyConfig ?? {},
  });
  const hmac = (encoding: "hex" | "base64") =>
    createHmac("sha256", options.secret).update(body).digest(encoding);

  switch (parsed.kind) {
    case "github":
      headers["x-github-event"] = sample.eventType ?? "issues";
      headers["x-github-delivery"] = id;
      headers["x-hub-signature-256"] = await signGithub(options.secret, body);
      break;
    case "standard-webhooks": {
      const msgId = `msg_${id}`;
      headers["webhook-id"] = msgId;
      headers["webhook-timestamp"] = String(Math.floor(now.getTime() / 1000));
      headers["webhook-signature"] = new Webhook(options.secret).sign(msgId, now, body);
      break;
    }
    case "respondio":
      headers[parsed.config.signatureHeader] = hmac("base64");
      break;
    case "builderio":
    case "generic": {
      const { mode, header } = parsed.config;
      if (mode === "hmac") headers[header ?? DEFAULT_SIGNATURE_HEADER] = hmac("hex");
      else headers[header ?? DEFAULT_SECRET_HEADER] = options.secret;
      if (parsed.kind === "generic") {
        if (parsed.config.deliveryIdHeader) headers[parsed.config.deliveryIdHeader] = id;
        if (parsed.config.eventTypeHeader && sample.eventType) {
          headers[parsed.config.eventTypeHeader] = sample.eventType;
        }
      }
      break;
    }
  }
  return { body, headers, id, eventType: sample.eventType };
}
