import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const key = Buffer.alloc(32, 7).toString("base64");
const valid = {
  DATABASE_URL: "postgresql://orbit@127.0.0.1:5432/orbit",
  AUTH_SECRET: "x".repeat(40),
  ORBIT_ENCRYPTION_KEY: key,
};

function problems(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as EnvError).problems;
  }
}

describe("parseEnv", () => {
  it("applies the documented defaults", () => {
    const env = parseEnv(valid);
    expect(env.PORT).toBe(3000);
    expect(env.ORBIT_DATA_DIR).toBe("./.orbit");
    expect(env.ORBIT_WORKER).toBe("on");
    expect(env.DOCKER_HOST).toBe("unix:///var/run/docker.sock");
    expect(env.agent).toBeNull();
    expect(env.ORBIT_HEALTH_INTERVAL_SECONDS).toBe(30);
    expect(env.ORBIT_TOOLS_REFRESH_SECONDS).toBe(300);
  });

  it("keeps the health interval at 5 s or more", () => {
    expect(problems({ ...valid, ORBIT_HEALTH_INTERVAL_SECONDS: "4" })[0]).toMatch(
      /^ORBIT_HEALTH_INTERVAL_SECONDS /,
    );
    expect(parseEnv({ ...valid, ORBIT_HEALTH_INTERVAL_SECONDS: "5" }).ORBIT_HEALTH_INTERVAL_SECONDS).toBe(5);
  });

  it("names every missing required variable, with a hint", () => {
    const found = problems({ DATABASE_URL: valid.DATABASE_URL });
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^AUTH_SECRET is required/);
    expect(found[1]).toMatch(/^ORBIT_ENCRYPTION_KEY is required/);
  });

  it("treats empty strings as unset", () => {
    expect(problems({ ...valid, AUTH_SECRET: "" })[0]).toMatch(/^AUTH_SECRET is required/);
  });

  it("rejects an encryption key that is not 32 bytes", () => {
    const found = problems({ ...valid, ORBIT_ENCRYPTION_KEY: Buffer.alloc(16).toString("base64") });
    expect(found).toEqual(["ORBIT_ENCRYPTION_KEY must be 32 bytes, base64-encoded"]);
  });

  it("rejects a bad port and a half-configured admin or Upstash pair", () => {
    expect(problems({ ...valid, PORT: "99999" })[0]).toMatch(/^PORT /);
    expect(problems({ ...valid, ADMIN_EMAIL: "a@example.com" })[0]).toMatch(/ADMIN_EMAIL and ADMIN_PASSWORD/);
    expect(problems({ ...valid, UPSTASH_REDIS_REST_URL: "https://x.upstash.io" })[0]).toMatch(
      /UPSTASH_REDIS_REST_TOKEN/,
    );
  });

  it("turns the LLM agent feature on only when endpoint and key are both set", () => {
    expect(parseEnv({ ...valid, OPENAI_BASE_URL: "http://127.0.0.1:9/v1" }).agent).toBeNull();
    const env = parseEnv({ ...valid, OPENAI_BASE_URL: "http://127.0.0.1:9/v1", OPENAI_API_KEY: "k" });
    expect(env.agent).toEqual({ baseUrl: "http://127.0.0.1:9/v1", apiKey: "k", model: "gpt-4o-mini" });
  });

  it("reads the webhook intake limits, with defaults and bounds", () => {
    expect(parseEnv(valid)).toMatchObject({
      ORBIT_WEBHOOK_MAX_BYTES: 1048576,
      ORBIT_WEBHOOK_RATE_PER_MINUTE: 6000,
      ORBIT_WEBHOOK_IP_RATE_PER_MINUTE: 3000,
    });
    const env = parseEnv({
      ...valid,
      ORBIT_WEBHOOK_MAX_BYTES: "26214400",
      ORBIT_WEBHOOK_RATE_PER_MINUTE: "1000000",
      ORBIT_WEBHOOK_IP_RATE_PER_MINUTE: "1",
    });
    expect(env).toMatchObject({
      ORBIT_WEBHOOK_MAX_BYTES: 25 * 1024 * 1024,
      ORBIT_WEBHOOK_RATE_PER_MINUTE: 1_000_000,
      ORBIT_WEBHOOK_IP_RATE_PER_MINUTE: 1,
    });
    expect(problems({ ...valid, ORBIT_WEBHOOK_MAX_BYTES: "1023" })[0]).toMatch(/^ORBIT_WEBHOOK_MAX_BYTES /);
    expect(problems({ ...valid, ORBIT_WEBHOOK_MAX_BYTES: "26214401" })[0]).toMatch(
      /^ORBIT_WEBHOOK_MAX_BYTES /,
    );
    expect(problems({ ...valid, ORBIT_WEBHOOK_MAX_BYTES: "1MB" })[0]).toMatch(/^ORBIT_WEBHOOK_MAX_BYTES /);
    // There is no "unlimited": 0 is refused rather than silently read as "no limit" or "refuse everything".
    expect(problems({ ...valid, ORBIT_WEBHOOK_RATE_PER_MINUTE: "0" })[0]).toMatch(
      /^ORBIT_WEBHOOK_RATE_PER_MINUTE /,
    );
    expect(problems({ ...valid, ORBIT_WEBHOOK_IP_RATE_PER_MINUTE: "0" })[0]).toMatch(
      /^ORBIT_WEBHOOK_IP_RATE_PER_MINUTE /,
    );
  });

  it("reads the per-key gateway rate limit, 6000 a minute unless set, never 0", () => {
    expect(parseEnv(valid).ORBIT_GATEWAY_RATE_PER_MINUTE).toBe(6000);
    expect(parseEnv({ ...valid, ORBIT_GATEWAY_RATE_PER_MINUTE: "30" }).ORBIT_GATEWAY_RATE_PER_MINUTE).toBe(
      30,
    );
    expect(problems({ ...valid, ORBIT_GATEWAY_RATE_PER_MINUTE: "0" })[0]).toMatch(
      /^ORBIT_GATEWAY_RATE_PER_MINUTE /,
    );
  });
});
