// Patterns are validated when a key is created (api-key-input-schema.ts); here they are only read, so an entry that
// somehow is not `<server>/<tool>` simply matches nothing rather than throwing on the gateway's hot path.

/** True when `pattern` (`<server-slug or *>/<tool glob>`) covers the tool `toolName` of the server `serverSlug`. */
export function matchesToolPattern(pattern: string, serverSlug: string, toolName: string): boolean {
  const split = splitToolPattern(pattern);
  return split !== null && serverMatches(split.server, serverSlug) && globToRegExp(split.tool).test(toolName);
}

/** True when `pattern` names `serverSlug` (or any server), whatever its tool part. */
export function patternNamesServer(pattern: string, serverSlug: string): boolean {
  const split = splitToolPattern(pattern);
  return split !== null && serverMatches(split.server, serverSlug);
}

/** True when `pattern` covers every tool of `serverSlug`: its tool part is a lone `*`. */
export function patternCoversServer(pattern: string, serverSlug: string): boolean {
  const split = splitToolPattern(pattern);
  return split !== null && split.tool === "*" && serverMatches(split.server, serverSlug);
}

function splitToolPattern(pattern: string): { server: string; tool: string } | null {
  const slash = pattern.indexOf("/");
  if (slash <= 0 || slash === pattern.length - 1) return null;
  return { server: pattern.slice(0, slash), tool: pattern.slice(slash + 1) };
}

function serverMatches(patternServer: string, serverSlug: string): boolean {
  return patternServer === "*" || patternServer === serverSlug;
}

// Compiled patterns are cached: the gateway checks the same few patterns on every call.
const compiled = new Map<string, RegExp>();
const MAX_CACHED = 1000;

function globToRegExp(glob: string): RegExp {
  let regexp = compiled.get(glob);
  if (!regexp) {
    const source = glob
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*");
    regexp = new RegExp(`^${source}$`, "s");
    if (compiled.size >= MAX_CACHED) compiled.clear();
    compiled.set(glob, regexp);
  }
  return regexp;
}
