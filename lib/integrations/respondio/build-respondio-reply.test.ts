import { describe, expect, it } from "vitest";
import { buildRespondioReply } from "@/lib/integrations/respondio/build-respondio-reply";

const payload = {
  contact: { id: 1234, email: "ada@example.com", phone: "+49 151 1234 5678" },
  channel: { id: 42 },
  message: { contactId: 1234, channelId: 42, message: { type: "text", text: "hi" } },
};
const answer = (text: string, isError = false) => ({ content: [{ type: "text", text }], isError });

describe("buildRespondioReply", () => {
  it("joins the text parts and addresses the contact by id on the payload's channel", () => {
    const result = {
      content: [
        { type: "text", text: "one" },
        { type: "image", data: "…" },
        { type: "text", text: "two" },
      ],
      isError: false,
    };
    expect(buildRespondioReply({ payload, result })).toEqual({
      ok: true,
      reply: { contact: { type: "id", value: "1234" }, channelId: "42", text: "one\ntwo" },
    });
  });

  it("prefers the configured channel, and falls back to email, then phone", () => {
    const noId = { contact: { email: "ada@example.com" } };
    expect(buildRespondioReply({ payload: noId, result: answer("x"), channelId: "9" })).toMatchObject({
      reply: { contact: { type: "email", value: "ada@example.com" }, channelId: "9" },
    });
    const phoneOnly = { contact: { phone: "49 151-1234 5678" } };
    expect(buildRespondioReply({ payload: phoneOnly, result: answer("x") })).toMatchObject({
      reply: { contact: { type: "phone", value: "+4915112345678" } },
    });
  });

  it("sends nothing for an error result, an empty text or an unknown contact", () => {
    expect(buildRespondioReply({ payload, result: answer("no", true) }).ok).toBe(false);
    expect(buildRespondioReply({ payload, result: answer("  ") }).ok).toBe(false);
    expect(buildRespondioReply({ payload: {}, result: answer("x") }).ok).toBe(false);
  });
});
