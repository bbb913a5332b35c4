"use client";

import { Field, inputClass } from "@/components/ui/field";
import type { IntegrationKindName } from "@/lib/integrations/integration-input-schema";

type Option = { key: string; label: string; placeholder: string; choices?: string[] };

// The per-kind options of lib/webhooks/verify/verification-config-schema.ts; blank means the verifier's default.
const optionsByKind: Record<IntegrationKindName, Option[]> = {
  github: [],
  "standard-webhooks": [],
  respondio: [
    { key: "signatureHeader", label: "Signature header", placeholder: "x-webhook-signature" },
    { key: "deliveryIdPath", label: "Delivery id path", placeholder: "message.messageId" },
    { key: "eventTypePath", label: "Event type path", placeholder: "event_type" },
  ],
  builderio: [
    { key: "mode", label: "Check", placeholder: "header", choices: ["header", "hmac"] },
    { key: "header", label: "Header", placeholder: "x-orbit-secret (hmac: x-orbit-signature)" },
  ],
  generic: [
    { key: "mode", label: "Check", placeholder: "header", choices: ["header", "hmac"] },
    { key: "header", label: "Header", placeholder: "x-orbit-secret (hmac: x-orbit-signature)" },
    { key: "deliveryIdHeader", label: "Delivery id header", placeholder: "none: a hash of the body" },
    { key: "eventTypeHeader", label: "Event type header", placeholder: "x-event-type" },
    { key: "eventTypePath", label: "Event type path", placeholder: "type" },
  ],
};

export function VerifyConfigFields({
  kind,
  values,
  onChange,
  fields,
}: {
  kind: IntegrationKindName;
  values: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
  fields: Record<string, string>;
}) {
  const options = optionsByKind[kind];
  if (options.length === 0) {
    return (
      <p className="text-xs text-zinc-500">
        {kind === "github"
          ? "Checks X-Hub-Signature-256 with the secret set in GitHub's webhook settings."
          : "Checks webhook-id, webhook-timestamp (at most 5 minutes off) and webhook-signature."}
      </p>
    );
  }
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      {options.map((option) => {
        const id = `verify-${option.key}`;
        const error = fields[`verifyConfig.${option.key}`];
        return (
          <Field key={option.key} label={option.label} name={id} error={error}>
            {option.choices ? (
              <select
                id={id}
                className={inputClass}
                value={values[option.key] ?? ""}
                onChange={(e) => onChange({ ...values, [option.key]: e.target.value })}
              >
                <option value="">default ({option.placeholder})</option>
                {option.choices.map((c) => (
                  <option key={c} value={c}>
                    {c === "hmac" ? "HMAC-SHA256 of the body" : "shared secret in a header"}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={id}
                className={`${inputClass} font-mono`}
                value={values[option.key] ?? ""}
                placeholder={option.placeholder}
                aria-invalid={error ? true : undefined}
                onChange={(e) => onChange({ ...values, [option.key]: e.target.value })}
              />
            )}
          </Field>
        );
      })}
    </div>
  );
}
