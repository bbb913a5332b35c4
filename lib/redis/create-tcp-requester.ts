import { errors, type Requester, type UpstashRequest, type UpstashResponse } from "@upstash/redis";
import { createClient, ErrorReply, MultiErrorReply, TimeoutError } from "redis";
import { createScriptAdapter } from "@/lib/redis/create-script-adapter";
import { withTimeout } from "@/lib/resilience/with-timeout";
import { log } from "@/lib/telemetry/log";

export type TcpRequesterOptions = {
  /** `redis[s]://[[user]:password@]host[:port][/db]` */
  url: string;
  /** Upper bound for one command, pipeline or transaction, including time spent waiting for a connection. */
  commandTimeoutMs?: number;
  connectTimeoutMs?: number;
};

/** An `@upstash/redis` requester that also owns a TCP connection, so it can be closed. */
export type TcpRequester = Requester & { close(): Promise<void> };

type Reply = UpstashResponse<unknown>;

const MAX_BACKOFF_MS = 5_000;
// Bounds memory while Redis is down: commands wait in node-redis's offline queue until they time out.
const MAX_QUEUED_COMMANDS = 10_000;

/** Redis did not answer in time or the connection is gone; distinct from an error reply, which is an answer. */
class RedisUnavailableError extends Error {
  override name = "RedisUnavailableError";
}

/**
 * Speaks the Upstash REST request shapes (`body` = one command; `path` = ["pipeline"] or ["multi-exec"] with a list
 * of commands) over RESP, so `new Redis(requester)` behaves like the REST client: same commands, same
 * `{ result } | { error }` answers, and the client's own JSON deserialization on top.
 */
export function createTcpRequester(options: TcpRequesterOptions): TcpRequester {
  const commandTimeoutMs = options.commandTimeoutMs ?? 1_500;
  const target = describeTarget(options.url);
  let lastError: Error | undefined;
  let down = false;
  let closed = false;

  const client = createClient({
    url: options.url,
    // Upstash REST answers in RESP2 shapes (flat arrays for HGETALL, strings for floats) and its deserializers expect
    // them; node-redis 6 would otherwise negotiate RESP3 maps and doubles.
    RESP: 2,
    commandsQueueMaxLength: MAX_QUEUED_COMMANDS,
    socket: {
      connectTimeout: options.connectTimeoutMs ?? 2_000,
      // Never give up: a restarted Redis should be picked up without restarting Orbit. Callers are protected by the
      // command timeout, not by the reconnect loop ending.
      reconnectStrategy: (retries, cause) => {
        lastError = cause;
        return Math.min(50 * 2 ** retries, MAX_BACKOFF_MS) + Math.floor(Math.random() * 100);
      },
    },
  });
  // Without a listener node-redis rethrows socket errors as uncaught exceptions. Log once per outage, not per retry.
  client.on("error", (error: Error) => {
    lastError = error;
    if (!down && !closed) {
      down = true;
      log.warn("Redis is unreachable, retrying in the background", { redis: target, error: error.message });
    }
  });
  client.on("ready", () => {
    if (down) log.info("Redis is reachable again", { redis: target });
    down = false;
    lastError = undefined;
  });

  function connect(): void {
    if (closed) throw new Error(`Redis client for ${target} is closed`);
    if (client.isOpen) return;
    // connect() settles only once connected (or closed); commands queue until then and are bounded by the timeout.
    client.connect().catch((error: Error) => {
      lastError = error;
    });
  }

  // No cause, or node-redis's own queue timeout, means Redis was too slow or unreachable; anything else (a closed
  // socket, a full queue) failed at once and says so.
  function unavailable(cause: unknown): RedisUnavailableError {
    const timedOut = cause === undefined || cause instanceof TimeoutError;
    const causeMessage = cause instanceof Error && cause.message ? cause.message : undefined;
    const reason = timedOut ? lastError?.message : (causeMessage ?? lastError?.message);
    const what = timedOut ? `did not answer within ${commandTimeoutMs} ms` : "is unavailable";
    return new RedisUnavailableError(`Redis at ${target} ${what}${reason ? ` (${reason})` : ""}`, { cause });
  }

  async function run<T>(work: () => Promise<T>): Promise<T> {
    connect();
    try {
      return await withTimeout(work(), commandTimeoutMs, () => unavailable(undefined));
    } catch (error) {
      // A Redis error reply (WRONGTYPE, NOSCRIPT, …) is an answer, not an outage; the caller turns it into
      // `{ error }`. Everything else (timeouts, closed sockets) becomes one clear message.
      if (error instanceof ErrorReply || error instanceof RedisUnavailableError) throw error;
      throw unavailable(error);
    }
  }

  const scripts = createScriptAdapter();
  const send = async (command: string[]) => {
    const { args, reply } = scripts.adapt(command);
    const result = await client.sendCommand<unknown>(args, { timeout: commandTimeoutMs });
    return reply ? reply(result) : result;
  };

  async function single(command: string[]): Promise<Reply> {
    try {
      return { result: await run(() => send(command)) };
    } catch (error) {
      if (error instanceof ErrorReply) return { error: error.message };
      throw error;
    }
  }

  async function pipeline(commands: string[][]): Promise<Reply[]> {
    // Commands issued in the same tick go out in one write on the one connection, in order: a pipeline.
    const settled = await run(() => Promise.allSettled(commands.map(send)));
    return settled.map((outcome) => {
      if (outcome.status === "fulfilled") return { result: outcome.value };
      if (outcome.reason instanceof ErrorReply) return { error: outcome.reason.message };
      throw unavailable(outcome.reason);
    });
  }

  async function multiExec(commands: string[][]): Promise<Reply[]> {
    const adapted = commands.map((command) => scripts.adapt(command));
    const multi = client.multi();
    for (const { args } of adapted) multi.sendCommand(args);
    const toReply = (result: unknown, i: number): Reply => {
      if (result instanceof ErrorReply) return { error: result.message };
      const reply = adapted[i]?.reply;
      return { result: reply ? reply(result) : result };
    };
    try {
      const replies: unknown[] = await run(() => multi.exec());
      return replies.map(toReply);
    } catch (error) {
      // EXEC ran, but some commands failed inside it: report them per command, as Upstash does.
      if (error instanceof MultiErrorReply) return error.replies.map(toReply);
      // A command was rejected while queueing, so Redis discarded the whole transaction (EXECABORT); the REST API
      // answers that with an error for the request, which the client raises as UpstashError.
      if (error instanceof ErrorReply) throw new errors.UpstashError(`Transaction aborted: ${error.message}`);
      throw error;
    }
  }

  return {
    async request<TResult = unknown>(req: UpstashRequest): Promise<UpstashResponse<TResult>> {
      const path = req.path ?? [];
      if (path.length === 0) return (await single(toCommand(req.body))) as UpstashResponse<TResult>;
      if (path.length === 1 && (path[0] === "pipeline" || path[0] === "multi-exec")) {
        const commands = toCommands(req.body);
        const replies = path[0] === "pipeline" ? await pipeline(commands) : await multiExec(commands);
        // The client's pipeline code reads an array of responses from the same promise as a single response.
        return replies as unknown as UpstashResponse<TResult>;
      }
      throw new Error(
        `The TCP Redis transport does not support /${path.join("/")} (subscriptions need their own client)`,
      );
    },
    async close() {
      closed = true;
      if (!client.isOpen) return;
      // close() waits for replies in flight; a client still trying to connect has none worth waiting for.
      if (client.isReady) await client.close().catch(() => client.destroy());
      else client.destroy();
    },
  };
}

// The REST client sends commands as JSON arrays of strings, numbers and booleans; RESP wants strings.
function toCommand(body: unknown): string[] {
  if (!Array.isArray(body) || body.length === 0)
    throw new TypeError("A Redis command must be a non-empty array");
  return body.map((arg) =>
    typeof arg === "string" ? arg : arg === null || arg === undefined ? "" : String(arg),
  );
}

function toCommands(body: unknown): string[][] {
  if (!Array.isArray(body)) throw new TypeError("A Redis pipeline must be an array of commands");
  return body.map(toCommand);
}

// For messages: never echo a password from the URL into logs.
function describeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "6379"}`;
  } catch {
    throw new TypeError("REDIS_URL is not a valid redis:// URL");
  }
}
