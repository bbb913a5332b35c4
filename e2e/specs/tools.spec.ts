import { expect, test } from "../fixtures";
import { ConfirmDialog } from "../pages/confirm-dialog";
import { ToolDetailPage, ToolsPage } from "../pages/tools-page";

test("an operator disables a tool and overrides its description; the history shows both with a diff", async ({
  page,
  seed,
}) => {
  const server = await seed.server();
  const tools = new ToolsPage(page);
  await tools.goto(`server=${server.slug}`);
  await expect(tools.heading).toHaveText("Tools");
  const echo = tools.row(server.slug, "echo");
  await expect(echo).toContainText("enabled");
  await echo.getByRole("link", { name: "echo" }).click();

  const detail = new ToolDetailPage(page);
  await expect(detail.heading).toHaveText("echo");
  await expect(page.getByRole("region", { name: "Input schema" })).toContainText('"message"');
  await expect(detail.versions()).toHaveCount(1);
  await expect(detail.versions().first()).toContainText("first listed");

  await detail.enabled.uncheck();
  await detail.description.fill("Repeats what you say (Orbit)");
  await detail.cacheTtl.fill("30");
  await detail.retry.selectOption("never");
  await detail.save.click();
  await expect(detail.overrides.getByRole("status")).toContainText("Overrides saved");
  await expect(detail.versions()).toHaveCount(2);
  const latest = detail.versions().first();
  await expect(latest).toContainText("overrides changed");
  await expect(latest).toContainText("overrides.enabled");
  await expect(latest).toContainText("overrides.descriptionOverride");
  await expect(page.getByText("disabled", { exact: true }).first()).toBeVisible();

  // The list's filters find it as disabled, with its overrides.
  await tools.goto(`server=${server.slug}&enabled=no`);
  await expect(tools.row(server.slug, "echo")).toContainText("Repeats what you say (Orbit)");
  await expect(tools.row(server.slug, "echo")).toContainText("retry never");
  await expect(tools.row(server.slug, "get-sum")).toHaveCount(0);

  // Restoring the first version's overrides enables it again.
  await tools.row(server.slug, "echo").getByRole("link", { name: "echo" }).click();
  await detail.versions().last().getByRole("button", { name: "Restore these overrides" }).click();
  await expect(detail.versions()).toHaveCount(3);
  await expect(detail.enabled).toBeChecked();
});

test("a tool is soft-deleted after confirmation and restored", async ({ page, seed }) => {
  const server = await seed.server();
  const tools = new ToolsPage(page);
  await tools.goto(`server=${server.slug}`);
  await tools.row(server.slug, "get-sum").getByRole("link", { name: "get-sum" }).click();
  const detail = new ToolDetailPage(page);
  await page.getByRole("button", { name: "Delete tool" }).click();
  await new ConfirmDialog(page).accept();
  await expect(page.getByText("An operator deleted this tool.")).toBeVisible();

  await tools.goto(`server=${server.slug}`);
  await expect(tools.row(server.slug, "get-sum")).toHaveCount(0);
  await tools.goto(`server=${server.slug}&deleted=only`);
  await tools.row(server.slug, "get-sum").getByRole("link", { name: "get-sum" }).click();
  await page.getByRole("button", { name: "Restore tool" }).click();
  await expect(page.getByText("An operator deleted this tool.")).toHaveCount(0);
  await expect(detail.versions().first()).toContainText("restored");
});

test("an out-of-range cache TTL is refused with a message on the field, and nothing changes", async ({
  page,
  seed,
}) => {
  const server = await seed.server();
  const tools = new ToolsPage(page);
  await tools.goto(`server=${server.slug}`);
  await tools.row(server.slug, "echo").getByRole("link", { name: "echo" }).click();
  const detail = new ToolDetailPage(page);
  await detail.cacheTtl.fill("100000");
  await detail.save.click();
  await expect(detail.overrides.getByRole("alert")).toContainText("Check the highlighted fields.");
  await expect(detail.overrides).toContainText("At most one day (86400).");
  await page.reload();
  await expect(detail.versions()).toHaveCount(1);
});

test("a viewer sees the registry but no override controls", async ({ seed, signInAs }) => {
  const server = await seed.server();
  const viewer = await signInAs(await seed.user({ role: "viewer" }));
  const tools = new ToolsPage(viewer);
  await tools.goto(`server=${server.slug}`);
  await tools.row(server.slug, "echo").getByRole("link", { name: "echo" }).click();
  const detail = new ToolDetailPage(viewer);
  await expect(detail.heading).toHaveText("echo");
  await expect(detail.save).toHaveCount(0);
  await expect(detail.enabled).toBeDisabled();
  await expect(viewer.getByRole("button", { name: "Delete tool" })).toHaveCount(0);
});
