import { z } from "zod";

// The body of POST /api/v1/mcp/{server}, as the older gateway API defined it. `list_tools` takes no parameters
// (anything sent is ignored, as that API did); `call_tool` names a tool and may pass its arguments as an object.
export const restMcpInput = z.discriminatedUnion("method", [
  z.object({
    method: z.literal("list_tools"),
    params: z.looseObject({}).optional(),
  }),
  z.object({
    method: z.literal("call_tool"),
    params: z.object({
      // The MCP spec's bound on tool names; longer ones cannot name a tool, only fill the request log.
      name: z.string().min(1).max(128),
      arguments: z.record(z.string(), z.unknown()).optional(),
    }),
  }),
]);
export type RestMcpInput = z.infer<typeof restMcpInput>;
