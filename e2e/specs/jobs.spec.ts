import { expect, test } from "../fixtures";
import { JobsPage } from "../pages/jobs-page";
import { uniqueSuffix } from "../support/accounts";

// The app's worker (started with the app by global setup) runs the jobs; the page follows them over SSE.

test("an operator saves a playbook, starts a job and watches it finish live", async ({ page, seed }) => {
  const server = await seed.server();
  const jobs = new JobsPage(page);
  const slug = `e2e-echo-${uniqueSuffix()}`;
  await jobs.createPlaybook({
    name: `Echo twice ${slug}`,
    slug,
    steps: [
      { id: "first", server: server.slug, tool: "echo", arguments: "{ 'message': input }" },
      {
        id: "second",
        server: server.slug,
        tool: "echo",
        arguments: "{ 'message': steps.first.text & ' again' }",
      },
    ],
  });
  await page.waitForURL(/\/playbooks\/[0-9a-f-]{36}$/);

  await jobs.startJob({ playbook: slug, shape: "textEntries", input: "hello from the browser" });
  await expect(jobs.status).toContainText("succeeded", { timeout: 30_000 });
  await expect(jobs.event("tool_call")).toHaveCount(2);
  await expect(jobs.event("tool_result").last()).toContainText("Echo: Echo: hello from the browser again");
  await expect(jobs.event("job_finished")).toHaveCount(1);
  await expect(page.getByTestId("stream-state")).toHaveText("Stream: finished");
});

test("a playbook with a broken JSONata expression is refused at the field", async ({ page }) => {
  const jobs = new JobsPage(page);
  const slug = `e2e-bad-${uniqueSuffix()}`;
  await jobs.createPlaybook({
    name: `Broken ${slug}`,
    slug,
    steps: [{ id: "first", server: "everything", tool: "echo", arguments: "{ 'message': " }],
  });
  await expect(jobs.playbookErrors).toContainText("steps.0.arguments");
  await expect(jobs.playbookErrors).toContainText("Not a JSONata expression");
  await page.goto("/playbooks");
  await expect(page.getByTestId(`playbook-row-${slug}`)).toHaveCount(0);
});
