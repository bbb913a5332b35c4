import { z } from "zod";

// Every setting Orbit reads, parsed once. In embedded mode the launcher (`npm start`, `npm test`, the CLI) fills in
// DATABASE_URL and the generated secrets before anything reads this, so here they are simply required.

const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded");

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    // Loopback by default: serving other machines is a decision (set 0.0.0.0), not an accident.
    ORBIT_HOST: z.string().min(1).default("127.0.0.1"),
    // How many reverse proxies in front of Orbit append to X-Forwarded-For; decides which address is the client's.
    // The address platforms and browsers reach Orbit at, for URLs printed outside a request (the CLI's webhook URL).
    // Pages use the request's own origin instead. Unset: http://localhost:$PORT.
    ORBIT_PUBLIC_URL: z
      .string()
      .url()
      .optional()
      .transform((url) => url?.replace(/\/+$/, "")),
    // Host names the MCP endpoints answer to (DNS-rebinding protection); comma-separated, `*` for any. Unset: loopback
    // names plus the hosts of ORBIT_PUBLIC_URL and ORBIT_HOST.
    ORBIT_ALLOWED_HOSTS: z.string().min(1).optional(),
    ORBIT_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
    DATABASE_URL: z.string().url(),
    ORBIT_DATA_DIR: z.string().min(1).default("./.orbit"),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
    ORBIT_ENCRYPTION_KEY: base64Key,
    REDIS_URL: z.string().url().optional(),
    UPSTASH_REDIS_REST_URL: z.string().url().optional(),
    UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),
    ADMIN_EMAIL: z.string().email().optional(),
    ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
    DOCKER_HOST: z.string().default("unix:///var/run/docker.sock"),
    ORBIT_WORKER: z.enum(["on", "off"]).default("on"),
    OPENAI_BASE_URL: z.string().url().optional(),
    OPENAI_API_KEY: z.string().min(1).optional(),
    ORBIT_AGENT_MODEL: z.string().min(1).optional(),
    ORBIT_LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    // Webhook intake limits. The body cap spans 1 KiB (below that no real platform event fits) to 25 MiB (GitHub's own
    // ceiling). Rate limits count per sliding minute and cannot be switched off: an unlimited public endpoint is a
    // decision better made with a very large number than with a value that reads like "none".
    ORBIT_WEBHOOK_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(25 * 1024 * 1024)
      .default(1024 * 1024),
    ORBIT_WEBHOOK_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(6000),
    ORBIT_WEBHOOK_IP_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(3000),
    // Gateway requests (REST facade, MCP endpoints) per API key per sliding minute; same "no unlimited" rule.
    ORBIT_GATEWAY_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(6000),
    // The worker's active checks: every replica of every enabled server is initialized and pinged this often (5 s at
    // the least: faster only loads upstreams without finding failures sooner than real calls do), and each enabled
    // server's tool list is re-read this often.
    ORBIT_HEALTH_INTERVAL_SECONDS: z.coerce.number().int().min(5).default(30),
    ORBIT_TOOLS_REFRESH_SECONDS: z.coerce.number().int().min(30).default(300),
  })
  .superRefine((v, ctx) => {
    if (Boolean(v.ADMIN_EMAIL) !== Boolean(v.ADMIN_PASSWORD)) {
      ctx.addIssue({
        code: "custom",
        path: ["ADMIN_PASSWORD"],
        message: "ADMIN_EMAIL and ADMIN_PASSWORD go together",
      });
    }
    if (Boolean(v.UPSTASH_REDIS_REST_URL) !== Boolean(v.UPSTASH_REDIS_REST_TOKEN)) {
      ctx.addIssue({
        code: "custom",
        path: ["UPSTASH_REDIS_REST_TOKEN"],
        message: "UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN go together",
      });
    }
  });

type Raw = z.infer<typeof schema>;

export type Env = Omit<Raw, "OPENAI_BASE_URL" | "OPENAI_API_KEY" | "ORBIT_AGENT_MODEL"> & {
  /** LLM agents are off (null) unless an OpenAI-compatible endpoint is configured. */
  agent: { baseUrl: string; apiKey: string; model: string } | null;
};

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Orbit cannot start, the environment is incomplete:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
    this.name = "EnvError";
  }
}

/** Parses an environment object; throws EnvError naming every bad or missing variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings count as unset so `FOO=` in a shell or .env file does not pass validation.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? "environment");
        return cleaned[name] === undefined && issue.code === "invalid_type"
          ? `${name} is required${hint(name)}`
          : `${name} ${issue.message}`;
      }),
    );
  }
  const { OPENAI_BASE_URL, OPENAI_API_KEY, ORBIT_AGENT_MODEL, ...rest } = result.data;
  const agent =
    OPENAI_BASE_URL && OPENAI_API_KEY
      ? { baseUrl: OPENAI_BASE_URL, apiKey: OPENAI_API_KEY, model: ORBIT_AGENT_MODEL ?? "gpt-4o-mini" }
      : null;
  return { ...rest, agent };
}

function hint(name: string): string {
  switch (name) {
    case "AUTH_SECRET":
      return " when DATABASE_URL is set (for example: openssl rand -base64 48)";
    case "ORBIT_ENCRYPTION_KEY":
      return " when DATABASE_URL is set (32 random bytes, base64: openssl rand -base64 32)";
    case "DATABASE_URL":
      return " (or start Orbit with `npm start`, which runs an embedded database when it is unset)";
    default:
      return "";
  }
}

let cached: Env | undefined;

/** The process environment, parsed on first use and then fixed for the life of the process. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
