import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { POST as startRoute } from "@/app/api/v1/jobs/route";
import { saveAgent } from "@/lib/agents/save-agent";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { getPrisma } from "@/lib/db/get-prisma";

// Without an OpenAI-compatible endpoint agents are off. The environment is read once per process, so it is cleared
// before anything reads it.
vi.hoisted(() => {
  delete process.env.OPENAI_BASE_URL;
  delete process.env.OPENAI_API_KEY;
  delete process.env.ORBIT_AGENT_MODEL;
});

describe("agent jobs without OPENAI_BASE_URL", () => {
  it("are refused with a 503 that names the variables to set, and nothing is queued", async () => {
    const run = randomUUID().slice(0, 8);
    const slug = `off-${run}`;
    await saveAgent({
      actor: { kind: "cli" },
      input: { slug, name: slug, systemPrompt: "hi", allowedTools: [], stepLimit: 2, timeoutSeconds: 30 },
    });
    const { key } = await createApiKey({
      actor: { kind: "cli" },
      input: { name: `off ${run}`, scopes: ["jobs"] },
    });
    const response = await startRoute(
      new Request("http://127.0.0.1/api/v1/jobs", {
        method: "POST",
        body: JSON.stringify({ input: "hello", agent: slug }),
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      }),
    );
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.error.code).toBe("unavailable");
    expect(body.error.message).toContain("OPENAI_BASE_URL");
    expect(await getPrisma().job.count({ where: { agent: { slug } } })).toBe(0);
  });
});
