import { z } from "zod";
import { jobTargetSlug } from "@/lib/jobs/playbook-steps-schema";

// The same `<server slug or *>/<tool glob>` form API keys use (lib/api-keys/matches-tool-pattern.ts reads it).
const toolPattern = z
  .string()
  .trim()
  .regex(/^(\*|[a-z0-9][a-z0-9-]*)\/[^/\s]+$/, "Use <server>/<tool>, e.g. github/* or */echo");

/** An agent as the UI (and seeds) save it. */
export const agentInput = z.strictObject({
  slug: jobTargetSlug,
  name: z.string().trim().min(1).max(100),
  // Empty → the deployment's ORBIT_AGENT_MODEL.
  model: z.string().trim().max(200).optional(),
  systemPrompt: z.string().trim().min(1).max(20_000),
  allowedTools: z.array(toolPattern).max(100).default([]),
  // Each step is one model round trip; a model that keeps calling tools stops here.
  stepLimit: z.int().min(1).max(50).default(5),
  temperature: z.number().min(0).max(2).optional(),
  timeoutSeconds: z.int().min(1).max(86_400).default(300),
});
export type AgentInput = z.infer<typeof agentInput>;
