import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";

/** A step's result as later steps see it (`steps.<id>` in JSONata) and as the job's result carries it. */
export type StepResult = {
  /** The text parts of the answer, joined: what most tools say. */
  text: string;
  structured: unknown;
  isError: boolean;
  content: CallToolResult["content"];
};

export function toStepResult(result: CallToolResult): StepResult {
  const text = result.content.flatMap((part) => (part.type === "text" ? [part.text] : [])).join("\n");
  return {
    text,
    structured: result.structuredContent ?? null,
    isError: result.isError === true,
    content: result.content,
  };
}
