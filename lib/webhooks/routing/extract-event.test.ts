import examples from "@octokit/webhooks-examples";
import { describe, expect, it } from "vitest";
import { extractEvent } from "@/lib/webhooks/routing/extract-event";

function githubExample(name: string, action?: string): Record<string, unknown> {
  const definition = examples.find((entry) => entry.name === name);
  const example = definition?.examples.find(
    (candidate) => action === undefined || (candidate as { action?: string }).action === action,
  );
  if (!example) throw new Error(`no ${name} ${action ?? ""} example in @octokit/webhooks-examples`);
  return example as unknown as Record<string, unknown>;
}

describe("extractEvent", () => {
  it("reads a GitHub issues event with its action, repository, title and labels", () => {
    const payload = githubExample("issues", "opened");
    const event = extractEvent({ kind: "github", payload, eventType: "issues" });
    const issue = payload.issue as { title: string; labels?: { name: string }[] };
    expect(event.eventType).toBe("issues.opened");
    expect(event.channel).toBe((payload.repository as { full_name: string }).full_name);
    expect(event.text).toBe(issue.title);
    expect(event.tags).toEqual((issue.labels ?? []).map((label) => label.name));
    expect(event.payload).toBe(payload);
  });

  it("reads labels off a labelled GitHub issue", () => {
    const payload = githubExample("issues", "labeled");
    const event = extractEvent({ kind: "github", payload, eventType: "issues" });
    expect(event.eventType).toBe("issues.labeled");
    expect(event.tags.length).toBeGreaterThan(0);
  });

  it("reads a GitHub push: no action, the head commit message as text", () => {
    const payload = githubExample("push");
    const event = extractEvent({ kind: "github", payload, eventType: "push" });
    expect(event.eventType).toBe("push");
    expect(event.channel).toBe("Codertocat/Hello-World");
    const headCommit = payload.head_commit as { message: string } | null;
    expect(event.text).toBe(headCommit?.message ?? null);
    expect(event.tags).toEqual([]);
  });

  it("reads an issue comment's body when the issue has no title", () => {
    const event = extractEvent({
      kind: "github",
      payload: { action: "created", comment: { body: "please deploy" }, repository: { full_name: "o/r" } },
      eventType: "issue_comment",
    });
    expect(event).toMatchObject({
      eventType: "issue_comment.created",
      channel: "o/r",
      text: "please deploy",
    });
  });

  it("reads a Respond.io message.received", () => {
    const payload = {
      event_type: "message.received",
      event_id: "6f1c6c1e-6b8e-4b7e-9a43-3f3b8d9b2a10",
      contact: { id: 1071, firstName: "Ada", lastName: "L", phone: "+15550100", tags: ["vip", "beta", 7] },
      channel: { id: 5120, name: "WhatsApp Support", source: "whatsapp" },
      message: {
        messageId: 88123,
        contactId: 1071,
        channelId: 5120,
        traffic: "incoming",
        timestamp: 1763726400000,
        message: { type: "text", text: "Where is my order #4411?" },
      },
    };
    expect(extractEvent({ kind: "respondio", payload, eventType: null })).toEqual({
      eventType: "message.received",
      channel: "WhatsApp Support",
      text: "Where is my order #4411?",
      tags: ["vip", "beta"],
      payload,
    });
  });

  it("falls back to the Respond.io channel id and tolerates attachments without text", () => {
    const event = extractEvent({
      kind: "respondio",
      payload: {
        event_type: "message.received",
        channel: { id: 5120 },
        message: { message: { type: "attachment" } },
      },
      eventType: null,
    });
    expect(event).toMatchObject({ channel: "5120", text: null, tags: [] });
  });

  it("reads a Builder.io publish, and a delete with newValue null", () => {
    const payload = {
      modelName: "blog-article",
      operation: "publish",
      newValue: {
        id: "a1b2",
        published: "published",
        name: "Launch week",
        data: { tags: ["launch", "news"] },
      },
      previousValue: { id: "a1b2", published: "draft", name: "Launch week (draft)", data: {} },
    };
    expect(extractEvent({ kind: "builderio", payload, eventType: null })).toEqual({
      eventType: "publish",
      channel: "blog-article",
      text: "Launch week",
      tags: ["launch", "news"],
      payload,
    });
    const deleted = extractEvent({
      kind: "builderio",
      payload: {
        modelName: "page",
        operation: "delete",
        newValue: null,
        previousValue: { id: "x", name: "Old" },
      },
      eventType: null,
    });
    expect(deleted).toMatchObject({ eventType: "delete", channel: "page", text: null, tags: [] });
  });

  it("reads Standard Webhooks and generic payloads from type/channel/text/tags", () => {
    const payload = {
      type: "invoice.paid",
      channel: "billing",
      message: "Invoice 42 paid",
      tags: ["finance"],
    };
    expect(extractEvent({ kind: "standard-webhooks", payload, eventType: null })).toEqual({
      eventType: "invoice.paid",
      channel: "billing",
      text: "Invoice 42 paid",
      tags: ["finance"],
      payload,
    });
    const generic = extractEvent({
      kind: "generic",
      payload: { text: "hi", channel: 3 },
      eventType: "custom",
    });
    expect(generic).toMatchObject({ eventType: "custom", channel: null, text: "hi", tags: [] });
  });

  it("never throws on payloads that are not objects", () => {
    for (const kind of ["github", "standard-webhooks", "respondio", "builderio", "generic"] as const) {
      for (const payload of [null, 42, "text", [1, 2]]) {
        expect(extractEvent({ kind, payload, eventType: null })).toMatchObject({
          channel: null,
          text: null,
          tags: [],
        });
      }
    }
  });
});
