// Requests an upstream sends the client (sampling, elicitation, roots) travel under an id of Orbit's making, because
// several upstreams share one downstream session and each numbers its own requests from 0: `<alias>:<id as JSON>`,
// so `everything:0` and `everything:"0"` stay apart and the client's answer finds its way back, on any instance,
// to the right upstream with the id exactly as it was sent.

export function toFederatedRequestId(alias: string, id: string | number): string {
  return `${alias}:${JSON.stringify(id)}`;
}

/** The alias and the upstream's own id behind a federated request id; null when it is not one of Orbit's. */
export function fromFederatedRequestId(
  id: string | number | null | undefined,
): { alias: string; id: string | number } | null {
  if (typeof id !== "string") return null;
  // Aliases never contain ":" (see aliasSchema), so the first one ends the alias.
  const colon = id.indexOf(":");
  if (colon < 1) return null;
  try {
    const upstream: unknown = JSON.parse(id.slice(colon + 1));
    if (typeof upstream !== "string" && typeof upstream !== "number") return null;
    return { alias: id.slice(0, colon), id: upstream };
  } catch {
    return null;
  }
}
