// One normalized view of an event, whatever platform sent it, so routes match on the same five fields everywhere.
// Field names per platform come from ../../../../shared/notes/platform-webhooks.md; anything missing is null, never
// a guess, and the raw payload stays available to JSONata for whatever this view leaves out.

export type WebhookEvent = {
  eventType: string | null;
  channel: string | null;
  text: string | null;
  tags: string[];
  payload: unknown;
};

export type WebhookKind = "github" | "standard-webhooks" | "respondio" | "builderio" | "generic";

type Json = Record<string, unknown>;

export function extractEvent(input: {
  kind: WebhookKind;
  payload: unknown;
  eventType: string | null;
}): WebhookEvent {
  const { kind, payload, eventType } = input;
  const body = asObject(payload);
  switch (kind) {
    case "github":
      return { ...fromGithub(body, eventType), payload };
    case "respondio":
      return { ...fromRespondio(body, eventType), payload };
    case "builderio":
      return { ...fromBuilderio(body, eventType), payload };
    default:
      return {
        eventType: eventType ?? asString(body.type),
        channel: asString(body.channel),
        text: asString(body.text) ?? asString(body.message),
        tags: asStrings(body.tags),
        payload,
      };
  }
}

function fromGithub(body: Json, eventType: string | null): Omit<WebhookEvent, "payload"> {
  // "issues.opened" lets one route take every issue event ("issues.*") and another only openings.
  const action = asString(body.action);
  const issue = asObject(body.issue);
  const pullRequest = asObject(body.pull_request);
  const labels = Array.isArray(issue.labels) ? issue.labels : pullRequest.labels;
  return {
    eventType: eventType && action ? `${eventType}.${action}` : eventType,
    channel: asString(asObject(body.repository).full_name),
    text:
      asString(asObject(body.head_commit).message) ??
      asString(issue.title) ??
      asString(issue.body) ??
      asString(asObject(body.comment).body) ??
      asString(pullRequest.title),
    tags: Array.isArray(labels) ? asStrings(labels.map((label) => asObject(label).name)) : [],
  };
}

function fromRespondio(body: Json, eventType: string | null): Omit<WebhookEvent, "payload"> {
  const channel = asObject(body.channel);
  const contact = asObject(body.contact);
  return {
    eventType: asString(body.event_type) ?? eventType,
    channel: asString(channel.name) ?? asId(channel.id),
    text: asString(asObject(asObject(body.message).message).text),
    // Respond.io tags are plain strings in the samples we have; objects with a name are accepted too.
    tags: Array.isArray(contact.tags)
      ? asStrings(contact.tags.map((tag) => (typeof tag === "string" ? tag : asObject(tag).name)))
      : [],
  };
}

function fromBuilderio(body: Json, eventType: string | null): Omit<WebhookEvent, "payload"> {
  // newValue is null on delete; the previous value still names the entry, but text stays null so a route on a
  // name does not fire for a deletion by accident.
  const newValue = asObject(body.newValue);
  return {
    eventType: asString(body.operation) ?? eventType,
    channel: asString(body.modelName),
    text: asString(newValue.name),
    tags: asStrings(asObject(newValue.data).tags),
  };
}

function asObject(value: unknown): Json {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function asString(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

function asId(value: unknown): string | null {
  if (typeof value === "string") return value;
  return typeof value === "number" && Number.isFinite(value) ? String(value) : null;
}

/** Keeps only the string entries: a tag list with a stray number or null still yields its real tags. */
function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}
