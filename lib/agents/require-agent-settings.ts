import { type Env, getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";

export type AgentSettings = NonNullable<Env["agent"]>;

/**
 * The OpenAI-compatible endpoint agent jobs talk to. Agents are off until OPENAI_BASE_URL and OPENAI_API_KEY are
 * set; starting (or running) an agent job then fails with a 503 that says which variables to set.
 */
export function requireAgentSettings(agent: Env["agent"] = getEnv().agent): AgentSettings {
  if (!agent) {
    throw new AppError(
      "unavailable",
      "LLM agents are off: set OPENAI_BASE_URL and OPENAI_API_KEY (and optionally ORBIT_AGENT_MODEL).",
    );
  }
  return agent;
}
