import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import type { WebhookEvent } from "@/lib/webhooks/routing/extract-event";
import { mapArguments } from "@/lib/webhooks/routing/map-arguments";

const event: WebhookEvent = {
  eventType: "message.received",
  channel: "WhatsApp Support",
  text: "Where is my order #4411?",
  tags: ["vip"],
  payload: { contact: { id: 1071, firstName: "Ada" }, message: { messageId: 88123 } },
};

async function mappingError(mapping: string): Promise<AppError> {
  const error = await mapArguments(mapping, event).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("mapArguments", () => {
  it("gives no arguments without a mapping", async () => {
    expect(await mapArguments(null, event)).toEqual({});
    expect(await mapArguments(undefined, event)).toEqual({});
    expect(await mapArguments("  ", event)).toEqual({});
  });

  it("maps from the payload and the extracted fields", async () => {
    const mapping = `{
      "contactId": payload.contact.id,
      "name": payload.contact.firstName,
      "question": text,
      "order": $match(text, /#[0-9]+/).match,
      "channel": channel,
      "event": eventType,
      "tags": tags,
      "vip": "vip" in tags
    }`;
    expect(await mapArguments(mapping, event)).toEqual({
      contactId: 1071,
      name: "Ada",
      question: "Where is my order #4411?",
      order: "#4411",
      channel: "WhatsApp Support",
      event: "message.received",
      tags: ["vip"],
      vip: true,
    });
  });

  it("returns plain data that survives JSON", async () => {
    const result = await mapArguments('{ "ids": [1, 2, 3].($ * 2) }', event);
    expect(JSON.parse(JSON.stringify(result))).toEqual({ ids: [2, 4, 6] });
    expect(Array.isArray(result.ids)).toBe(true);
  });

  it("reports a syntax error as unprocessable with its position", async () => {
    const error = await mappingError('{ "a": payload.contact.id, ');
    expect(error.code).toBe("unprocessable");
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/^Argument mapping failed at position \d+: /);
    expect(error.details?.position).toEqual(expect.any(Number));
  });

  it("reports a runtime error as unprocessable", async () => {
    const error = await mappingError('{ "n": $number(payload.contact.firstName) }');
    expect(error.code).toBe("unprocessable");
    expect(error.details?.jsonataCode).toBe("D3030");
  });

  it.each([
    ["an array", "[1, 2]"],
    ["a string", "text"],
    ["nothing (the expression matched no data)", "payload.nope"],
    ["null", "null"],
  ])("refuses a result that is %s", async (kind, mapping) => {
    const error = await mappingError(mapping);
    expect(error.code).toBe("unprocessable");
    expect(error.message).toContain(`got ${kind}`);
  });

  it("refuses $eval, which would bypass the regex checks", async () => {
    const error = await mappingError('{ "x": $eval("1 + 1") }');
    expect(error.message).toContain("$eval is not available");
  });
});
