import { z } from "zod";

// Every setting Orbit reads, parsed once. In embedded mode the launcher (`npm start`, `npm test`, the CLI) fills in
// DATABASE_URL and the generated secrets before anything reads this, so here they are simply required.

const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded");

// OpenTelemetry trace export, under the standard OTEL_* names so collectors' docs apply as written. Tracing is on only
// when the endpoint is set. Also parsed on their own (parseTracingEnv) by Next's instrumentation hook, which runs
// before a request and during `next build`, where the rest of the environment may be incomplete.
const tracingFields = {
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .url({
      protocol: /^https?$/,
      error: "must be an http(s) URL (the collector's OTLP/HTTP base, e.g. :4318)",
    })
    .optional()
    .transform((url) => url?.replace(/\/+$/, "")),
  // `key=value` pairs, comma-separated, values percent-encoded (the OTLP exporter spec's format).
  OTEL_EXPORTER_OTLP_HEADERS: z
    .string()
    .optional()
    .transform((text, ctx) => {
      const headers: Record<string, string> = {};
      for (const pair of (text ?? "").split(",")) {
        if (!pair.trim()) continue;
        const at = pair.indexOf("=");
        const name = pair.slice(0, at).trim();
        const value = at < 1 || !name ? null : decodeHeaderValue(pair.slice(at + 1).trim());
        if (value === null) {
          ctx.addIssue({
            code: "custom",
            message: "must be key=value pairs, comma-separated, values percent-encoded",
          });
          return z.NEVER;
        }
        headers[name] = value;
      }
      return headers;
    }),
  OTEL_SERVICE_NAME: z.string().min(1).default("orbit"),
};

function decodeHeaderValue(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

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
    DOCKER_HOST: z
      .string()
      .regex(/^(unix|tcp|http|https):\/\//, "must be unix:///path/to.sock or tcp://host:port")
      .default("unix:///var/run/docker.sock"),
    // The worker's container healer (lib/docker). A container carrying `<ORBIT_HEAL_LABEL>=true` is healed (every
    // container with ORBIT_HEAL_ALL=true): restarted after a backoff that doubles from the initial to the maximum
    // delay with each restart in the window; after ORBIT_HEAL_MAX_RESTARTS restarts within ORBIT_HEAL_WINDOW_SECONDS
    // the healer gives up on it and raises an alert (a container event, and a POST to ORBIT_ALERT_WEBHOOK_URL).
    ORBIT_HEAL_LABEL: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, "must be a container label name")
      .default("orbit.heal"),
    ORBIT_HEAL_ALL: z
      .enum(["true", "false"])
      .default("false")
      .transform((v) => v === "true"),
    ORBIT_HEAL_MAX_RESTARTS: z.coerce.number().int().min(1).max(1000).default(5),
    ORBIT_HEAL_WINDOW_SECONDS: z.coerce.number().int().min(10).default(600),
    ORBIT_HEAL_BACKOFF_INITIAL_MS: z.coerce.number().int().min(0).default(1000),
    ORBIT_HEAL_BACKOFF_MAX_MS: z.coerce.number().int().min(0).default(60_000),
    ORBIT_ALERT_WEBHOOK_URL: z.string().url().optional(),
    // Podman runs health checks from systemd timers, which containers and many CI hosts do not have: "auto" has Orbit
    // run each container's check at the container's own interval when the engine is Podman; "orbit" always; "engine"
    // leaves them to the engine.
    ORBIT_CONTAINER_HEALTHCHECKS: z.enum(["auto", "orbit", "engine"]).default("auto"),
    ORBIT_WORKER: z.enum(["on", "off"]).default("on"),
    OPENAI_BASE_URL: z.string().url().optional(),
    OPENAI_API_KEY: z.string().min(1).optional(),
    ORBIT_AGENT_MODEL: z.string().min(1).optional(),
    ORBIT_LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    ...tracingFields,
    // The worker has no web server of its own; with a port set it serves its Prometheus metrics there (loopback
    // unless the host says otherwise: the numbers are not secret, but nothing else listens without being asked).
    ORBIT_WORKER_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    ORBIT_WORKER_METRICS_HOST: z.string().min(1).default("127.0.0.1"),
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
    // The schema pg-boss keeps its queues in (lib/queue): async deliveries and their retries, health checks, tool
    // refreshes, jobs. Only two deployments sharing one database (or tests, one per file) need to change it.
    ORBIT_QUEUE_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, "a lower-case PostgreSQL identifier")
      .default("pgboss"),
    // The job queue (lib/jobs, pg-boss): jobs one worker runs at once; how often a job whose worker died is noticed
    // (the queue's maintenance pass) and how often it is then tried again elsewhere; how long a stopping worker lets
    // its jobs finish before handing them back.
    ORBIT_JOB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    ORBIT_JOB_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
    ORBIT_JOB_RETRY_LIMIT: z.coerce.number().int().min(0).max(10).default(2),
    // A job's queue entry expires (its worker presumed dead) this long after the job's own timeout.
    ORBIT_JOB_EXPIRY_GRACE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    ORBIT_JOB_SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(600).default(10),
    // Every worker writes a heartbeat this often; /api/ready calls the worker stale after three missed beats.
    ORBIT_WORKER_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(300).default(5),
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
    if (v.ORBIT_HEAL_BACKOFF_MAX_MS < v.ORBIT_HEAL_BACKOFF_INITIAL_MS) {
      ctx.addIssue({
        code: "custom",
        path: ["ORBIT_HEAL_BACKOFF_MAX_MS"],
        message: "must be at least ORBIT_HEAL_BACKOFF_INITIAL_MS",
      });
    }
  });

type Raw = z.infer<typeof schema>;

export type TracingConfig = { endpoint: string; headers: Record<string, string>; serviceName: string };

export type Env = Omit<
  Raw,
  | "OPENAI_BASE_URL"
  | "OPENAI_API_KEY"
  | "ORBIT_AGENT_MODEL"
  | "OTEL_EXPORTER_OTLP_ENDPOINT"
  | "OTEL_EXPORTER_OTLP_HEADERS"
  | "OTEL_SERVICE_NAME"
> & {
  /** LLM agents are off (null) unless an OpenAI-compatible endpoint is configured. */
  agent: { baseUrl: string; apiKey: string; model: string } | null;
  /** Trace export is off (null) unless OTEL_EXPORTER_OTLP_ENDPOINT is set. */
  tracing: TracingConfig | null;
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
  const cleaned = cleanSource(source);
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
  const {
    OPENAI_BASE_URL,
    OPENAI_API_KEY,
    ORBIT_AGENT_MODEL,
    OTEL_EXPORTER_OTLP_ENDPOINT,
    OTEL_EXPORTER_OTLP_HEADERS,
    OTEL_SERVICE_NAME,
    ...rest
  } = result.data;
  const agent =
    OPENAI_BASE_URL && OPENAI_API_KEY
      ? { baseUrl: OPENAI_BASE_URL, apiKey: OPENAI_API_KEY, model: ORBIT_AGENT_MODEL ?? "gpt-4o-mini" }
      : null;
  const tracing = toTracing(OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_HEADERS, OTEL_SERVICE_NAME);
  return { ...rest, agent, tracing };
}

/** Only the tracing variables, for the instrumentation hook; the same rules and messages as parseEnv. */
export function parseTracingEnv(source: Record<string, string | undefined>): TracingConfig | null {
  const result = z.object(tracingFields).safeParse(cleanSource(source));
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${String(issue.path[0])} ${issue.message}`));
  }
  const { OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_HEADERS, OTEL_SERVICE_NAME } = result.data;
  return toTracing(OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_HEADERS, OTEL_SERVICE_NAME);
}

function toTracing(
  endpoint: string | undefined,
  headers: Record<string, string>,
  serviceName: string,
): TracingConfig | null {
  return endpoint ? { endpoint, headers, serviceName } : null;
}

// Empty strings count as unset so `FOO=` in a shell or .env file does not pass validation.
function cleanSource(source: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== "",
    ),
  );
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
