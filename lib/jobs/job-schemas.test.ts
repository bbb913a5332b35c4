import { describe, expect, it } from "vitest";
import { playbookInput } from "./playbook-steps-schema";
import { startJobInput, toJobInput } from "./start-job-input-schema";

describe("startJobInput", () => {
  it("normalises each payload shape to the text a job works on", () => {
    const parse = (body: unknown) => toJobInput(startJobInput.parse(body));
    expect(parse({ input: "a", playbook: "p" })).toEqual({
      shape: "input",
      text: "a",
      payload: { input: "a" },
    });
    expect(parse({ command: "b", playbook: "p" })).toMatchObject({ shape: "command", text: "b" });
    expect(
      parse({
        textEntries: [
          { content: "c", type: "text" },
          { content: "d", type: "text" },
        ],
        playbook: "p",
      }),
    ).toMatchObject({ shape: "textEntries", text: "c\n\nd" });
  });

  it("wants exactly one shape, and a playbook", () => {
    expect(startJobInput.safeParse({ playbook: "p" }).success).toBe(false);
    expect(startJobInput.safeParse({ input: "a", command: "b", playbook: "p" }).success).toBe(false);
    expect(startJobInput.safeParse({ input: "a" }).success).toBe(false);
    expect(startJobInput.safeParse({ input: "a", playbook: "p", agent: "g" }).success).toBe(false);
    expect(toJobInput(startJobInput.parse({ input: "a", agent: "g" }))).toEqual({
      shape: "input",
      text: "a",
      payload: { input: "a" },
    });
    expect(startJobInput.safeParse({ input: "", playbook: "p" }).success).toBe(false);
  });
});

describe("playbookInput", () => {
  const step = { id: "first", server: "everything", tool: "echo", arguments: "{ 'message': input }" };

  it("accepts steps with JSONata, conditions and each on-error policy", () => {
    const parsed = playbookInput.parse({
      slug: "reindex",
      name: "Reindex",
      steps: [
        step,
        { ...step, id: "second", when: "steps.first.isError = false", onError: { retry: 2 } },
        { ...step, id: "third", onError: "continue" },
      ],
    });
    expect(parsed.timeoutSeconds).toBe(300);
    expect(parsed.steps.map((s) => s.onError)).toEqual(["stop", { retry: 2 }, "continue"]);
  });

  it("refuses JSONata that does not compile, duplicate ids and unknown policies, at the field", () => {
    const issues = (steps: unknown[]) =>
      playbookInput.safeParse({ slug: "x", name: "X", steps }).error?.issues.map((i) => i.path.join("."));
    expect(issues([{ ...step, arguments: "{ 'message': " }])).toEqual(["steps.0.arguments"]);
    expect(issues([step, step])).toEqual(["steps.1.id"]);
    expect(issues([{ ...step, onError: "ignore" }])).toEqual(["steps.0.onError"]);
    expect(issues([])).toEqual(["steps"]);
  });
});
