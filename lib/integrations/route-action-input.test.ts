import { describe, expect, it } from "vitest";
import { updateIntegrationInput } from "./integration-input-schema";

// What each route action needs, as the editor and the CLI meet it: field errors at the field the operator must fix.
function issuesOf(route: Record<string, unknown>) {
  const parsed = updateIntegrationInput.safeParse({ routes: [{ name: "R", ...route }] });
  return parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join("."), i.message]);
}

describe("route actions", () => {
  it("a tool call needs its server and tool", () => {
    expect(issuesOf({ actionType: "call_tool", serverId: "", toolName: "" })).toEqual([
      ["routes.0.serverId", "Choose a server"],
      ["routes.0.toolName", "Choose a tool"],
    ]);
    expect(issuesOf({ actionType: "call_tool", serverId: "s1", toolName: "echo" })).toEqual([]);
  });

  it("a job needs exactly one of a playbook or an agent, and no server or tool", () => {
    expect(issuesOf({ actionType: "start_job", agent: "triage" })).toEqual([]);
    expect(issuesOf({ actionType: "start_job", playbook: "reindex", serverId: "" })).toEqual([]);
    expect(issuesOf({ actionType: "start_job", playbook: "reindex", agent: "triage" })).toEqual([
      ["routes.0.agent", "Name a playbook or an agent, not both"],
    ]);
    expect(issuesOf({ actionType: "start_job", playbook: " ", agent: "" })).toEqual([
      ["routes.0.playbook", "Name the playbook or agent this route starts"],
    ]);
  });
});
