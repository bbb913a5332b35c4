import { expect, test } from "../fixtures";
import { AgentsPage } from "../pages/agents-page";
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
