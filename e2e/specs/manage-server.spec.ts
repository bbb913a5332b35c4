import { findClosedPort } from "../../lib/test/find-closed-port";
import { expect, test } from "../fixtures";
import { ServerDetailPage } from "../pages/server-detail-page";
import { ServerFormPage } from "../pages/server-form-page";
import { ServersPage } from "../pages/servers-page";
import { uniqueSuffix } from "../support/accounts";

test("an operator edits a server: stored header values are kept, replaced or removed, never shown", async ({
  page,
  seed,
}) => {
  const server = await seed.server({ headers: [{ name: "X-Keep", value: "keep-me-secret" }] });
  const detail = new ServerDetailPage(page);
  await detail.goto(server.id);
  await detail.controls.Edit!.click();
  await expect(page).toHaveURL(new RegExp(`/servers/${server.id}/edit$`));

  const form = page.getByRole("form", { name: "Edit server" });
  await expect(form.getByLabel("Header name 1", { exact: true })).toHaveValue("X-Keep");
  // The stored value is not in the page at all: the field is empty with a "set" placeholder.
  await expect(form.getByLabel("Header value 1", { exact: true })).toHaveValue("");
  await expect(form.getByLabel("Header value 1", { exact: true })).toHaveAttribute("placeholder", /^set/);
  expect(await page.content()).not.toContain("keep-me-secret");

  await form.getByLabel("Name", { exact: true }).fill(`${server.name} renamed`);
  await form.getByRole("button", { name: "Add header" }).click();
  await form.getByLabel("Header name 2", { exact: true }).fill("X-Added");
  await form.getByLabel("Header value 2", { exact: true }).fill("added-secret");
  await form.getByRole("button", { name: "Save changes" }).click();

  await expect(detail.heading).toHaveText(`${server.name} renamed`);
  await expect(page.getByText("X-Keep: set")).toBeVisible();
  await expect(page.getByText("X-Added: set")).toBeVisible();

  // The kept header still works upstream: the connection test passes with the stored values.
  await detail.controls["Test connection"]!.click();
  await expect(page.getByTestId("inspection")).toBeVisible();

  await detail.controls.Edit!.click();
  await page
    .getByRole("form", { name: "Edit server" })
    .getByRole("checkbox", { name: "remove" })
    .first()
    .check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("X-Added: set")).toBeVisible();
  await expect(page.getByText("X-Keep: set")).toHaveCount(0);
});

test("the server page shows its federated alias, which renaming the slug leaves alone", async ({
  page,
  seed,
}) => {
  const server = await seed.server();
  const detail = new ServerDetailPage(page);
  await detail.goto(server.id);
  const names = page.getByRole("region", { name: "Federated names" });
  await expect(names.getByTestId("federated-alias")).toHaveText(server.slug);
  await expect(names).toContainText(`${server.slug}__`);
  await expect(names).toContainText("/api/mcp");

  await detail.controls.Edit!.click();
  const form = page.getByRole("form", { name: "Edit server" });
  // Shown, but not editable: clients have stored the names it makes.
  await expect(form.getByLabel("Alias", { exact: true })).toHaveValue(server.slug);
  await expect(form.getByLabel("Alias", { exact: true })).toBeDisabled();
  await form.getByLabel("Slug", { exact: true }).fill(`${server.slug}-renamed`);
  await form.getByRole("button", { name: "Save changes" }).click();

  await expect(page.getByText(`${server.slug}-renamed`, { exact: true })).toBeVisible();
  await expect(names.getByTestId("federated-alias")).toHaveText(server.slug);
  await expect(names).toContainText("no longer matches its slug");
});

test("an operator disables, enables and deletes a server", async ({ page, seed }) => {
  const server = await seed.server();
  const detail = new ServerDetailPage(page);
  const servers = new ServersPage(page);
  await detail.goto(server.id);
  await detail.controls.Disable!.click();
  await expect(detail.controls.Enable!).toBeVisible();
  await servers.goto();
  await expect(servers.row(server.slug)).toContainText("disabled");

  await detail.goto(server.id);
  await detail.controls.Enable!.click();
  await expect(detail.controls.Disable!).toBeVisible();
  await detail.delete();
  await expect(servers.row(server.slug)).toHaveCount(0);
  expect((await detail.goto(server.id))?.status()).toBe(404);
});

test("adding an unreachable server shows why and saves nothing", async ({ page }) => {
  const port = await findClosedPort();
  const slug = `dead-${uniqueSuffix()}`;
  const form = new ServerFormPage(page);
  await form.goto();
  await form.fill({ name: `Dead ${slug}`, slug, endpointUrl: `http://127.0.0.1:${port}/mcp` });
  await form.submit.click();
  await expect(form.form.getByRole("alert")).toContainText(`Could not reach http://127.0.0.1:${port}`);
  await expect(page).toHaveURL(/\/servers\/new$/);

  const servers = new ServersPage(page);
  await servers.goto();
  await expect(servers.row(slug)).toHaveCount(0);
});
