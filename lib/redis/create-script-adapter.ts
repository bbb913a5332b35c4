import { createHash } from "node:crypto";

// Script flags open-source Redis (7.0+) accepts in a `#!lua flags=…` shebang. Upstash adds its own, such as
// `allow-key-locking` (used by @upstash/ratelimit ≥ 2.1), which Redis rejects with "Unexpected flag in script shebang".
const REDIS_SCRIPT_FLAGS = new Set([
  "no-writes",
  "allow-oom",
  "allow-stale",
  "no-cluster",
  "allow-cross-slot-keys",
]);

export type AdaptedCommand = { args: string[]; reply?: (result: unknown) => unknown };

/**
 * Lets Lua scripts written for Upstash run on open-source Redis: drops shebang flags Redis does not know (they only
 * tune Upstash's locking; without them Redis runs the script as it runs every script, alone) and keeps the SHA1 the
 * caller computed working. Callers hash the original text, Redis hashes the rewritten one, so EVALSHA and SCRIPT
 * EXISTS are translated and SCRIPT LOAD answers with the caller's hash. The map holds one entry per distinct script
 * the code ships, so it stays small.
 */
export function createScriptAdapter(): { adapt(command: string[]): AdaptedCommand } {
  const loadedAs = new Map<string, string>();

  function rewrite(script: string): string {
    const adapted = withoutUnknownFlags(script);
    if (adapted !== script) loadedAs.set(sha1(script), sha1(adapted));
    return adapted;
  }
  const translate = (sha: string) => loadedAs.get(sha.toLowerCase()) ?? sha;

  return {
    adapt(command) {
      const [name = "", first, ...rest] = command;
      if (first === undefined) return { args: command };
      switch (name.toLowerCase()) {
        case "eval":
        case "eval_ro":
          return { args: [name, rewrite(first), ...rest] };
        case "evalsha":
        case "evalsha_ro":
          return { args: [name, translate(first), ...rest] };
        case "script": {
          const sub = first.toLowerCase();
          if (sub === "load" && rest[0] !== undefined) {
            const original = rest[0];
            const adapted = rewrite(original);
            return adapted === original
              ? { args: command }
              : { args: [name, first, adapted], reply: () => sha1(original) };
          }
          if (sub === "exists") return { args: [name, first, ...rest.map(translate)] };
          return { args: command };
        }
        default:
          return { args: command };
      }
    },
  };
}

function withoutUnknownFlags(script: string): string {
  if (!script.startsWith("#!lua")) return script;
  const end = script.indexOf("\n");
  const shebang = end === -1 ? script : script.slice(0, end);
  const tokens = shebang.slice("#!lua".length).trim().split(/\s+/).filter(Boolean);
  const kept = tokens.flatMap((token) => {
    if (!token.startsWith("flags=")) return [token];
    const flags = token
      .slice("flags=".length)
      .split(",")
      .filter((flag) => REDIS_SCRIPT_FLAGS.has(flag));
    return flags.length > 0 ? [`flags=${flags.join(",")}`] : [];
  });
  const rebuilt = ["#!lua", ...kept].join(" ");
  return rebuilt === shebang ? script : rebuilt + script.slice(shebang.length);
}

function sha1(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}
