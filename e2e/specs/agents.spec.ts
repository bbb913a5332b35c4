import { expect, test } from "../fixtures";
import { AgentsPage } from "../pages/agents-page";
import { JobsPage } from "../pages/jobs-page";
import { uniqueSuffix } from "../support/accounts";

test("an operator creates an agent, finds it in the list and changes its step limit", async ({ page }) => {
  const agents = new AgentsPage(page);
  const slug = `e2e-agent-${uniqueSuffix()}`;
  await agents.create({
    name: `Helper ${slug}`,
    slug,
    systemPrompt: "Answer briefly; use the echo tool when asked to repeat.",
    allowedTools: ["everything/echo"],
  });
  await page.waitForURL(/\/agents\/[0-9a-f-]{36}$/);
  await expect(agents.form.getByLabel("Allowed tools")).toHaveValue("everything/echo");

  await agents.form.getByLabel("Step limit").fill("3");
  await agents.form.getByRole("button", { name: "Save agent" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();

  await page.goto("/agents");
  await expect(agents.row(slug)).toContainText("everything/echo");
  await expect(agents.row(slug)).toContainText("3");
});

test("an allowed-tools line that is not <server>/<tool> is refused and nothing is saved", async ({
  page,
}) => {
  const agents = new AgentsPage(page);
  const slug = `e2e-bad-agent-${uniqueSuffix()}`;
  await agents.create({ name: `Bad ${slug}`, slug, systemPrompt: "Hi.", allowedTools: ["echo"] });
  await expect(agents.error).toContainText("Check the highlighted fields");
  await expect(agents.fieldError("allowedTools")).toContainText("Use <server>/<tool>");
  await page.goto("/agents");
  await expect(agents.row(slug)).toHaveCount(0);
});

// The app talks to the OpenAI-compatible stand-in global setup starts: it has the model call the offered echo tool
// with the user's text, then answer with a sentence quoting the tool's result.
test("an operator starts an agent from the jobs page and watches it call a tool and answer", async ({
  page,
  seed,
}) => {
  const server = await seed.server();
  const agents = new AgentsPage(page);
  const slug = `e2e-agent-job-${uniqueSuffix()}`;
  await agents.create({
    name: `Repeater ${slug}`,
    slug,
    systemPrompt: "Repeat what the user says through the echo tool.",
    allowedTools: [`${server.slug}/echo`],
  });
  await page.waitForURL(/\/agents\/[0-9a-f-]{36}$/);

  const jobs = new JobsPage(page);
  await jobs.startJob({ agent: slug, input: "hello agent from the browser" });
  await expect(jobs.status).toContainText("succeeded", { timeout: 30_000 });
  await expect(jobs.event("tool_call")).toHaveCount(1);
  await expect(jobs.event("tool_result")).toContainText("Echo: hello agent from the browser");
  await expect(jobs.event("result")).toContainText("The tool answered: Echo: hello agent from the browser");
  await expect(page.getByTestId("stream-state")).toHaveText("Stream: finished");
});

test("an agent job with an empty input is refused on the form and nothing starts", async ({ page }) => {
  const agents = new AgentsPage(page);
  const slug = `e2e-agent-empty-${uniqueSuffix()}`;
  await agents.create({ name: `Empty ${slug}`, slug, systemPrompt: "Hi.", allowedTools: [] });
  await page.waitForURL(/\/agents\/[0-9a-f-]{36}$/);

  const jobs = new JobsPage(page);
  await jobs.fillStartForm({ agent: slug, input: "   " });
  await expect(jobs.startForm.getByRole("alert")).toContainText("must not be empty");
  await expect(page).toHaveURL(/\/jobs$/);
  // The agents list counts its jobs (the sixth column): none was started.
  await page.goto("/agents");
  await expect(agents.row(slug).getByRole("cell").nth(5)).toHaveText("0");
});
