import { expect, test } from "../fixtures";
import { IntegrationFormPage } from "../pages/integration-form-page";
import { IntegrationsPage } from "../pages/integrations-page";
import { uniqueSuffix } from "../support/accounts";

test("an admin adds a GitHub integration with one route and sees it listed with its webhook URL", async ({
  page,
  seed,
  baseURL,
}) => {
  const server = await seed.server();
  const slug = `gh-${uniqueSuffix()}`;
  const name = `GitHub ${slug}`;

  const list = new IntegrationsPage(page);
  await list.goto();
  await list.addIntegrationLink.click();
  await expect(page).toHaveURL(/\/integrations\/new$/);

  const form = new IntegrationFormPage(page);
  await form.name.fill(name);
  await form.slug.fill(slug);
  await form.kind.selectOption("github");
  await form.secret.fill("e2e-webhook-secret-value");
  await form.fillRoute(0, {
    name: "Issues",
    eventType: "issues",
    serverName: server.name,
    toolName: "echo",
    arguments: '{ "message": issue.title }',
  });
  await form.save();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByTestId("secret-count")).toHaveText("1 secret set");
  await expect(page.getByText("e2e-webhook-secret-value")).toHaveCount(0);
  await expect(page.getByText("1. Issues")).toBeVisible();

  await list.goto();
  const row = list.row(slug);
  await expect(row).toBeVisible();
  await expect(row.getByRole("link", { name })).toBeVisible();
  await expect(row.getByTestId("webhook-url")).toHaveText(`${new URL(baseURL!).origin}/api/webhooks/${slug}`);
  await expect(row).toContainText("github");
  await expect(row).toContainText("1 route");
});

test("a broken route is refused with a message naming it, and nothing is saved", async ({ page, seed }) => {
  const server = await seed.server();
  const slug = `gh-bad-${uniqueSuffix()}`;
  const form = new IntegrationFormPage(page);
  await form.goto();
  await form.name.fill(`Bad ${slug}`);
  await form.slug.fill(slug);
  await form.secret.fill("s3cret");
  await form.fillRoute(0, {
    name: "Broken",
    serverName: server.name,
    toolName: "echo",
    arguments: "{ message: ",
  });
  await form.submit.click();
  await expect(page.getByRole("alert").first()).toContainText('Route 1 "Broken"');
  await expect(page).toHaveURL(/\/integrations\/new$/);
  const list = new IntegrationsPage(page);
  await list.goto();
  await expect(list.row(slug)).toHaveCount(0);
});
