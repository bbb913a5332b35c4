"use server";

import { z } from "zod";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { testToolCall } from "@/lib/maintenance/test-tool-call";

// The arguments arrive as the JSON text the operator typed, so a typo is a field error, not a failed call.
const testToolCallInput = z.object({
  serverId: z.string().min(1, "Choose a server").max(100),
  toolName: z.string().min(1, "Choose a tool").max(200),
  args: z
    .string()
    .max(100_000, "At most 100,000 characters")
    .transform((text, ctx) => {
      try {
        const value: unknown = JSON.parse(text.trim() || "{}");
        if (value && typeof value === "object" && !Array.isArray(value))
          return value as Record<string, unknown>;
      } catch {
        // Reported below.
      }
      ctx.addIssue({ code: "custom", message: 'Arguments must be a JSON object, like {"message": "hi"}' });
      return z.NEVER;
    }),
});

export const testToolCallAction = authorizedAction(
  "operator",
  testToolCallInput,
  async ({ serverId, toolName, args }, { actor }) =>
    testToolCall({ actor, serverId, toolName, args, requestId: crypto.randomUUID() }),
);
