import type { SampleEvent } from "@/lib/integrations/samples/sample-event";

/** A GitHub `issues` delivery with action `opened`, trimmed to the fields routes and mappings usually read. */
export function githubIssuesOpenedSample(options: { id: string; text: string; now: Date }): SampleEvent {
  const number = Number.parseInt(options.id.replaceAll("-", "").slice(0, 6), 16);
  const at = options.now.toISOString();
  return {
    eventType: "issues",
    payload: {
      action: "opened",
      issue: {
        id: number,
        number,
        title: options.text,
        body: "Sent by Orbit's “Send test event”.",
        state: "open",
        labels: [],
        user: { login: "octocat", id: 1 },
        created_at: at,
        updated_at: at,
        html_url: `https://github.com/octo-org/orbit-test/issues/${number}`,
      },
      repository: { id: 1296269, name: "orbit-test", full_name: "octo-org/orbit-test", private: false },
      sender: { login: "octocat", id: 1, type: "User" },
    },
  };
}
