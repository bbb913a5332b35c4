import { AppError } from "@/lib/errors/app-error";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The verified body as text (what the inbox stores) and as JSON (what routing reads). Called only after
 * verification, so a sender without the secret learns nothing from a 400 and unsigned junk is a 401.
 */
export function parseWebhookJson(rawBody: Uint8Array): { text: string; payload: unknown } {
  let text: string;
  try {
    text = utf8.decode(rawBody);
  } catch {
    throw new AppError("bad_request", "The body is not valid UTF-8.");
  }
  try {
    return { text, payload: JSON.parse(text) };
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON.");
  }
}
