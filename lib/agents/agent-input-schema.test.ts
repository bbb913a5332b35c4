import { describe, expect, it } from "vitest";
import { agentInput } from "./agent-input-schema";

describe("agentInput", () => {
  const base = { slug: "helper", name: "Helper", systemPrompt: "Be brief." };

  it("fills the defaults an operator leaves out", () => {
    expect(agentInput.parse(base)).toMatchObject({ allowedTools: [], stepLimit: 5, timeoutSeconds: 300 });
  });

  it("takes tool patterns in the API keys' <server>/<tool> form only", () => {
    expect(agentInput.safeParse({ ...base, allowedTools: ["github/*", "*/echo"] }).success).toBe(true);
    for (const bad of ["echo", "github/", "/echo", "a b/c"]) {
      expect(agentInput.safeParse({ ...base, allowedTools: [bad] }).success, bad).toBe(false);
    }
  });

  it("bounds the step limit and temperature", () => {
    expect(agentInput.safeParse({ ...base, stepLimit: 0 }).success).toBe(false);
    expect(agentInput.safeParse({ ...base, temperature: 3 }).success).toBe(false);
  });
});
