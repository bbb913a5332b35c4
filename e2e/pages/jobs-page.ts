import type { Locator, Page } from "@playwright/test";

/** /playbooks (list + JSON editor), /jobs (start form + list) and /jobs/<id> (the live event stream). */
export class JobsPage {
  readonly playbookErrors: Locator;
  readonly status: Locator;
  readonly events: Locator;

  constructor(readonly page: Page) {
    this.playbookErrors = page.getByTestId("playbook-errors");
    this.status = page.getByTestId("job-status");
    this.events = page.getByRole("list", { name: "Job events" });
  }

  async createPlaybook(options: { name: string; slug: string; steps: unknown }) {
    await this.page.goto("/playbooks");
    const form = this.page.getByRole("form", { name: "Playbook" });
    await form.getByLabel("Name").fill(options.name);
    await form.getByLabel("Slug").fill(options.slug);
    await form.getByLabel("Steps (JSON)").fill(JSON.stringify(options.steps, null, 2));
    await form.getByRole("button", { name: "Save playbook" }).click();
  }

  get startForm(): Locator {
    return this.page.getByRole("form", { name: "Start a job" });
  }

  /** Starts a playbook or (with `agent`) an agent job and waits for its live page. */
  async startJob(options: {
    playbook?: string;
    agent?: string;
    shape?: "input" | "command" | "textEntries";
    input: string;
  }) {
    await this.fillStartForm(options);
    await this.page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
  }

  /** Fills and submits the start form without waiting for where it leads (for refusals). */
  async fillStartForm(options: {
    playbook?: string;
    agent?: string;
    shape?: "input" | "command" | "textEntries";
    input: string;
  }) {
    await this.page.goto("/jobs");
    const form = this.startForm;
    if (options.agent !== undefined) {
      await form.getByLabel("Run").selectOption("agent");
      await form.getByLabel("Agent", { exact: true }).selectOption(options.agent);
    } else {
      await form.getByLabel("Playbook", { exact: true }).selectOption(options.playbook ?? "");
    }
    await form.getByLabel("Payload shape").selectOption(options.shape ?? "input");
    await form.getByLabel("Input").fill(options.input);
    await form.getByRole("button", { name: "Start job" }).click();
  }

  event(type: string): Locator {
    return this.events.getByTestId(`job-event-${type}`);
  }
}
