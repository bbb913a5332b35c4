import { z } from "zod";

const text = z.string().trim().min(1, "must not be empty").max(100_000);
const ref = z.string().trim().min(1).max(100);

/**
 * `POST /api/v1/jobs`: the three payload shapes callers already send, exactly one of them, plus what to run:
 * exactly one of `playbook` or `agent`, each a slug or an id. Everything is normalised to one text (`inputText`) that runners read; the payload
 * as sent is kept on the job too.
 */
export const startJobInput = z
  .strictObject({
    input: text.optional(),
    command: text.optional(),
    textEntries: z
      .array(z.strictObject({ content: z.string().max(100_000), type: z.literal("text") }))
      .min(1)
      .max(100)
      .optional(),
    playbook: ref.optional(),
    agent: ref.optional(),
  })
  .superRefine((value, ctx) => {
    const given = (["input", "command", "textEntries"] as const).filter((k) => value[k] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: "custom",
        message: "Send exactly one of input, command or textEntries.",
        path: given.length === 0 ? [] : [given[1]!],
      });
    }
    if ((value.playbook === undefined) === (value.agent === undefined)) {
      ctx.addIssue({
        code: "custom",
        message: "Send exactly one of playbook or agent.",
        path: value.agent === undefined ? [] : ["agent"],
      });
    }
  });
export type StartJobInput = z.infer<typeof startJobInput>;

export type JobInput = {
  shape: "input" | "command" | "textEntries" | "webhook";
  text: string;
  payload: unknown;
};

/** The normalised input of a validated body. textEntries are joined by blank lines, in order. */
export function toJobInput(body: StartJobInput): JobInput {
  const { playbook: _, agent: __, ...payload } = body;
  if (body.input !== undefined) return { shape: "input", text: body.input, payload };
  if (body.command !== undefined) return { shape: "command", text: body.command, payload };
  const entries = body.textEntries ?? [];
  return { shape: "textEntries", text: entries.map((e) => e.content).join("\n\n"), payload };
}
