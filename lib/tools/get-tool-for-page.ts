import { type Actor, assertRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/get-prisma";
import { AppError } from "@/lib/errors/app-error";
import type { ToolChange } from "./diff-tool-state";
import type { ToolListItem } from "./list-tools";
import type { ToolDefinition, ToolOverrides } from "./tool-state";

export type ToolVersionView = {
  id: string;
  source: string;
  change: string;
  actorLabel: string;
  definition: ToolDefinition;
  overrides: ToolOverrides;
  diff: ToolChange[];
  createdAt: Date;
};

export type ToolPageView = ToolListItem & {
  inputSchema: unknown;
  outputSchema: unknown;
  versions: ToolVersionView[];
};

/** One tool with its schemas and its version history, newest first, for the tool page. */
export async function getToolForPage(options: { actor: Actor; toolId: string }): Promise<ToolPageView> {
  assertRole(options.actor, "viewer");
  const tool = await getPrisma().tool.findUnique({
    where: { id: options.toolId },
    include: {
      server: { select: { id: true, slug: true, name: true, enabled: true } },
      versions: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 200 },
    },
  });
  if (!tool) throw new AppError("not_found", "No such tool.");
  const { versions, ...rest } = tool;
  return {
    ...rest,
    annotations: (tool.annotations as Record<string, unknown> | null) ?? null,
    versions: versions.map((version) => ({
      id: version.id,
      source: version.source,
      change: version.change,
      actorLabel: version.actorLabel,
      definition: version.definition as ToolDefinition,
      overrides: version.overrides as ToolOverrides,
      diff: version.diff as ToolChange[],
      createdAt: version.createdAt,
    })),
  };
}
