import { describe, expect, it } from "vitest";
import { diffToolState } from "./diff-tool-state";
import type { ToolState } from "./tool-state";

const base: ToolState = {
  definition: {
    title: null,
    description: "Echoes",
    inputSchema: { type: "object", properties: { message: { type: "string" } }, required: ["message"] },
    outputSchema: null,
    annotations: { readOnlyHint: true },
  },
  overrides: { enabled: true, descriptionOverride: null, cacheTtlSeconds: null, retryOverride: null },
  deleted: false,
};

describe("diffToolState", () => {
  it("names each changed leaf with its before and after", () => {
    const after: ToolState = {
      ...base,
      definition: {
        ...base.definition,
        description: "Echoes back",
        inputSchema: { type: "object", properties: { message: { type: "number" } }, required: ["message"] },
      },
      overrides: { ...base.overrides, enabled: false },
    };
    expect(diffToolState(base, after)).toEqual([
      { path: "definition.description", before: "Echoes", after: "Echoes back" },
      { path: "definition.inputSchema.properties.message.type", before: "string", after: "number" },
      { path: "overrides.enabled", before: true, after: false },
    ]);
  });

  it("ignores key order, and compares arrays whole", () => {
    const reordered: ToolState = {
      ...base,
      definition: {
        ...base.definition,
        inputSchema: { required: ["message"], properties: { message: { type: "string" } }, type: "object" },
      },
    };
    expect(diffToolState(base, reordered)).toEqual([]);
    const required: ToolState = {
      ...base,
      definition: {
        ...base.definition,
        inputSchema: { ...(base.definition.inputSchema as object), required: [] },
      },
    };
    expect(diffToolState(base, required)).toEqual([
      { path: "definition.inputSchema.required", before: ["message"], after: [] },
    ]);
  });

  it("records additions and removals as null on the missing side, and nothing for a first version", () => {
    const after: ToolState = {
      ...base,
      definition: { ...base.definition, annotations: null },
      deleted: true,
    };
    expect(diffToolState(base, after)).toEqual([
      { path: "definition.annotations", before: { readOnlyHint: true }, after: null },
      { path: "deleted", before: false, after: true },
    ]);
    expect(diffToolState(null, base)).toEqual([]);
  });
});
