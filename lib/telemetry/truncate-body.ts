// Request-log bodies are for a human skimming what happened, not an archive: the delivery inbox keeps the raw body.
// 4 KiB keeps a million log rows around 8 GB at worst and still shows a typical payload whole.

export const BODY_LIMIT_BYTES = 4096;

/**
 * Cuts `text` to at most `limit` UTF-8 bytes (never inside a character) and says how many bytes were dropped,
 * counting `omittedBytes` the caller already cut from the end.
 */
export function truncateBody(text: string, limit = BODY_LIMIT_BYTES, omittedBytes = 0): string {
  // Most bodies are short ASCII; avoid encoding them at all.
  if (omittedBytes === 0 && text.length * 3 <= limit) return text;
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= limit && omittedBytes === 0) return text;
  if (bytes.length <= limit) return `${text}…(truncated ${omittedBytes} bytes)`;
  let end = limit;
  // Step back over UTF-8 continuation bytes (10xxxxxx) so the kept part ends on a whole character.
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return `${bytes.subarray(0, end).toString("utf8")}…(truncated ${bytes.length - end + omittedBytes} bytes)`;
}
