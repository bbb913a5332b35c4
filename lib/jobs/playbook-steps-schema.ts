import { z } from "zod";
import { compileJsonata } from "@/lib/webhooks/routing/compile-jsonata";

// A JSONata expression, compiled with the same guards webhook mappings run under (time budget, regex checks, no
// $eval: a webhook's payload reaches playbooks too), so a typo is refused when the playbook is saved, not when it runs.
const expression = z
  .string()
  .trim()
  .min(1)
  .max(10_000)
  .superRefine((source, ctx) => {
    try {
      compileJsonata(source);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: `Not a JSONata expression: ${(error as Error).message}` });
    }
  });

export const stepOnError = z
  .union([z.enum(["stop", "continue"]), z.strictObject({ retry: z.int().min(1).max(10) })])
  .default("stop");
export type StepOnError = z.infer<typeof stepOnError>;

/**
 * One tool call of a playbook. `arguments` and `when` are JSONata over `{input, payload, steps}`: `input` is the
 * job's text, `payload` what the caller sent, `steps.<id>` the result of an earlier step (`text`, `structured`,
 * `isError`, `content`). A step whose `when` is false is skipped. `onError`: stop the job (default), continue with
 * the next step, or retry the step n more times first.
 */
export const playbookStep = z.strictObject({
  // Usable as a JSONata path (steps.first), so letters, digits and underscores.
  id: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, "Use letters, digits and _ (a JSONata name)"),
  server: z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, "A server slug"),
  tool: z.string().min(1).max(128),
  arguments: expression.optional(),
  when: expression.optional(),
  onError: stepOnError,
});
export type PlaybookStep = z.infer<typeof playbookStep>;

export const playbookSteps = z
  .array(playbookStep)
  .min(1, "A playbook needs at least one step")
  .max(50)
  .superRefine((steps, ctx) => {
    const seen = new Set<string>();
    steps.forEach((step, index) => {
      if (seen.has(step.id)) {
        ctx.addIssue({ code: "custom", message: `Step id "${step.id}" is used twice`, path: [index, "id"] });
      }
      seen.add(step.id);
    });
  });

/** The slug form playbooks and agents share: what `POST /api/v1/jobs` names them by. */
export const jobTargetSlug = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "Lowercase letters, digits and -");

export const playbookInput = z.strictObject({
  slug: jobTargetSlug,
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(1000).optional(),
  steps: playbookSteps,
  timeoutSeconds: z.int().min(1).max(86_400).default(300),
});
export type PlaybookInput = z.infer<typeof playbookInput>;
