import { createHash } from "node:crypto";
import { createServer } from "node:net";
import { errors, type Redis } from "@upstash/redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedis } from "@/lib/redis/create-redis";
import { createTestRedis, TEST_REDIS_URL } from "@/lib/redis/create-test-redis";
import { pingRedis } from "@/lib/redis/get-redis";

describe.runIf(TEST_REDIS_URL !== null)("@upstash/redis over the TCP requester", () => {
  // Connected in beforeAll, not in this body: vitest collects the body even when runIf turns the suite off, and
  // then runs none of its hooks.
  let redis: Redis;
  let prefix: string;
  let cleanup: () => Promise<void>;
  beforeAll(() => {
    ({ redis, prefix, cleanup } = createTestRedis());
  });
  afterAll(() => cleanup());

  it("runs plain commands: get, set, incr, expire", async () => {
    const key = `${prefix}plain`;
    expect(await redis.get(key)).toBeNull();
    expect(await redis.set(key, "hello")).toBe("OK");
    expect(await redis.get<string>(key)).toBe("hello");

    const counter = `${prefix}counter`;
    expect(await redis.incr(counter)).toBe(1);
    expect(await redis.incr(counter)).toBe(2);
    expect(await redis.expire(counter, 60)).toBe(1);
    const ttl = await redis.ttl(counter);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
    expect(await redis.ping()).toBe("PONG");
    expect(await pingRedis(redis)).toBe("ok");
  });

  it("deserializes values the way the REST client does", async () => {
    const key = `${prefix}json`;
    const value = { name: "orbit", tags: ["a", "b"], nested: { n: 1, ok: true }, empty: null };
    await redis.set(key, value);
    expect(await redis.get(key)).toEqual(value);

    // Same quirks as Upstash: numeric strings come back as numbers, unless that would change them.
    await redis.set(`${prefix}num`, "42");
    expect(await redis.get(`${prefix}num`)).toBe(42);
    await redis.set(`${prefix}zip`, "007");
    expect(await redis.get(`${prefix}zip`)).toBe("007");

    // UTF-8 survives the round trip; flat RESP2 arrays become objects for HGETALL.
    await redis.hset(`${prefix}hash`, { greeting: "héllo ✓", count: 3 });
    expect(await redis.hgetall(`${prefix}hash`)).toEqual({ greeting: "héllo ✓", count: 3 });
    expect(await redis.mget(`${prefix}json`, `${prefix}missing`)).toEqual([value, null]);
  });

  it("runs a pipeline, reporting a failed command without losing the others", async () => {
    const key = `${prefix}pipe`;
    const results = await redis
      .pipeline()
      .set(key, { a: 1 })
      .get(key)
      .incr(`${prefix}pipe-counter`)
      .expire(`${prefix}pipe-counter`, 60)
      .exec();
    expect(results).toEqual(["OK", { a: 1 }, 1, 1]);

    const withError = await redis.pipeline().incr(key).get(key).exec({ keepErrors: true });
    expect(withError[0]?.error).toMatch(/not an integer/);
    expect(withError[1]).toEqual({ error: undefined, result: { a: 1 } });

    await expect(redis.pipeline().incr(key).get(key).exec()).rejects.toThrow(/Command 1 \[ incr \] failed/);
  });

  it("runs a transaction through MULTI/EXEC", async () => {
    const key = `${prefix}multi`;
    const results = await redis.multi().set(key, 5).incrby(key, 10).get(key).exec();
    expect(results).toEqual(["OK", 15, 15]);

    // A command that fails inside EXEC is reported per command, as Upstash does.
    await redis.set(`${prefix}text`, "x");
    const mixed = await redis.multi().incr(`${prefix}text`).incr(key).exec({ keepErrors: true });
    expect(mixed[0]?.error).toMatch(/not an integer/);
    expect(mixed[1]?.result).toBe(16);
  });

  it("loads and runs scripts: SCRIPT LOAD, EVALSHA, EVAL, and the NOSCRIPT fallback", async () => {
    const key = `${prefix}script`;
    const script = "redis.call('SET', KEYS[1], ARGV[1]); return {redis.call('GET', KEYS[1]), 7}";
    const sha = await redis.scriptLoad(script);
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
    expect(await redis.evalsha(sha, [key], ["stored"])).toEqual(["stored", 7]);
    expect(await redis.eval("return ARGV[1] .. ARGV[2]", [], ["a", "b"])).toBe("ab");

    // A script Redis has never seen: EVALSHA fails with NOSCRIPT, which the client answers with EVAL.
    const fresh = `return '${prefix}'`;
    await expect(redis.evalsha("0".repeat(40), [], [])).rejects.toThrow(/NOSCRIPT/);
    expect(await redis.createScript<string>(fresh).exec([], [])).toBe(prefix);
  });

  it("runs scripts carrying Upstash-only shebang flags, under the hash the caller computed", async () => {
    // @upstash/ratelimit's scripts start like this; Redis itself rejects the flag.
    const script = `#!lua flags=allow-key-locking\nreturn redis.call('INCR', KEYS[1]) -- ${prefix}`;
    const sha = createHash("sha1").update(script).digest("hex");
    const key = `${prefix}flagged`;

    await expect(redis.evalsha(sha, [key], [])).rejects.toThrow(/NOSCRIPT/);
    expect(await redis.eval(script, [key], [])).toBe(1);
    expect(await redis.evalsha(sha, [key], [])).toBe(2);
    expect(await redis.scriptExists(sha)).toEqual([1]);
    expect(await redis.scriptLoad(script)).toBe(sha);
    const [viaPipeline] = await redis.pipeline().evalsha(sha, [key], []).exec();
    expect(viaPipeline).toBe(3);
  });

  it("passes Redis error replies through as UpstashError", async () => {
    await redis.set(`${prefix}str`, "x");
    const failure = await redis.lpush(`${prefix}str`, "y").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(errors.UpstashError);
    expect(String(failure)).toMatch(/WRONGTYPE/);
  });
});

describe("a TCP Redis that is not there", () => {
  it("fails with a clear error within the command timeout instead of hanging", async () => {
    const port = await closedPort();
    const dead = createRedis({ url: `redis://127.0.0.1:${port}`, commandTimeoutMs: 500 });
    try {
      const started = Date.now();
      const failure = await dead?.redis.get("anything").catch((error: unknown) => error);
      const elapsed = Date.now() - started;

      expect(failure).toBeInstanceOf(Error);
      expect((failure as Error).message).toMatch(
        new RegExp(`^Redis at 127\\.0\\.0\\.1:${port} did not answer within 500 ms \\(.*ECONNREFUSED`),
      );
      expect(elapsed).toBeGreaterThanOrEqual(450);
      expect(elapsed).toBeLessThan(1_500);

      // Pipelines and readiness checks fail the same way.
      await expect(dead?.redis.pipeline().get("a").get("b").exec()).rejects.toThrow(
        /did not answer within 500 ms/,
      );
      expect(await pingRedis(dead?.redis)).toMatch(/did not answer within 500 ms/);
    } finally {
      await dead?.close();
    }
  });

  it("refuses commands once closed", async () => {
    const connection = createRedis({ url: `redis://127.0.0.1:${await closedPort()}`, commandTimeoutMs: 200 });
    await connection?.close();
    await expect(connection?.redis.get("x")).rejects.toThrow(/is closed/);
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}
