/**
 * Whether an upstream's HTTP answer means "I do not know this session" (it restarted, or the session expired). The
 * spec's answer is 404; some servers (server-everything among them) answer 400 "No valid session ID" instead, so a
 * short 400 that speaks of the session counts too. One rule for the pooled clients and the passthrough relay.
 */
export function isUnknownSessionAnswer(status: number, text: string): boolean {
  return status === 404 || (status === 400 && text.length < 2_000 && /session/i.test(text));
}
