/**
 * Who is calling the gateway: the authenticated key, reduced to what authorization needs. It carries no hash and
 * no user, so it can be passed around (request log, rate limiter keyed on `id`) without leaking anything.
 */
export type ApiKeyPrincipal = {
  id: string;
  name: string;
  scopes: string[];
  /** `<server-slug>/<tool>` globs; empty = every tool of the servers the scopes give. */
  allowedTools: string[];
  /** Same syntax; a match here always wins over the allow list. */
  deniedTools: string[];
};
