import { hashBody } from "@/lib/webhooks/verify/hash-body";

// Builder.io sends no delivery id, so one is derived: `model:contentId:operation:version`. The version is the
// content's `lastUpdated` (epoch ms, bumped on every save and publish) from newValue, or from previousValue /
// oldValue when newValue is null (a delete). `published` is a status ("published", "draft"), not a version, so it is
// not used. Without lastUpdated the version is a hash of the body, which is still stable for an identical redelivery.
// Payloads missing model, id or operation (a "test" ping) get a hash of the whole body.
// Caveat: if Builder ever re-sent the same operation on unchanged content with the same lastUpdated, the second
// delivery would be treated as a duplicate.

function readString(value: unknown): string | null {
  if (typeof value === "string" && value.length > 0) return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

function field(object: unknown, key: string): unknown {
  return typeof object === "object" && object !== null ? (object as Record<string, unknown>)[key] : undefined;
}

export function buildBuilderioDeliveryId(payload: Record<string, unknown>, body: Uint8Array): string {
  const before = payload.previousValue ?? payload.oldValue;
  const modelName = readString(payload.modelName);
  const operation = readString(payload.operation);
  const id = readString(field(payload.newValue, "id")) ?? readString(field(before, "id"));
  if (modelName === null || operation === null || id === null) return hashBody(body);
  const version =
    readString(field(payload.newValue, "lastUpdated")) ??
    readString(field(before, "lastUpdated")) ??
    hashBody(body);
  return `${modelName}:${id}:${operation}:${version}`;
}
