// The GitHub and Standard Webhooks packages sign strings, not bytes. Decoding leniently would map different invalid
// byte sequences to the same U+FFFD and verify a body that differs from the one signed, so decoding is strict and a
// body that is not UTF-8 is refused.

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export function decodeUtf8Body(bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}
