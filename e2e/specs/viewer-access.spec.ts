import { expect, test } from "../fixtures";
import { AppShell } from "../pages/app-shell";
import { ServerDetailPage } from "../pages/server-detail-page";
import { ServerFormPage } from "../pages/server-form-page";
import { ServersPage } from "../pages/servers-page";
import { uniqueSuffix } from "../support/accounts";
import { recordServerAction, replayServerAction } from "../support/server-actions";

test.describe("a viewer", () => {
  test("sees the servers and a server's tools, but no control that changes them", async ({
    seed,
    signInAs,
  }) => {
    const server = await seed.server();
    const viewer = await seed.user({ role: "viewer" });

    const page = await signInAs(viewer);
    const shell = new AppShell(page);
    await expect(shell.currentUser).toHaveText(viewer.email);
    await expect(shell.navLink("Servers")).toBeVisible();
    await expect(shell.navLink("Users")).toHaveCount(0);
    // Invited with a temporary password, they are pointed at /account to choose their own.
    await expect(page.getByRole("link", { name: "Choose your own" })).toHaveAttribute("href", "/account");

    const servers = new ServersPage(page);
    await servers.goto();
    await expect(servers.row(server.slug)).toBeVisible();
    await expect(servers.addServerLink).toHaveCount(0);

    await servers.open(server.slug, server.name);
    const detail = new ServerDetailPage(page);
    await expect(detail.heading).toHaveText(server.name);
    await expect(detail.tool("echo")).toBeVisible();
    for (const [label, control] of Object.entries(detail.controls)) {
      await expect(control, `"${label}" is not offered to a viewer`).toHaveCount(0);
    }
  });

  test("is sent to /forbidden from the add, edit and users pages", async ({ seed, signInAs }) => {
    const server = await seed.server();
    const page = await signInAs(await seed.user({ role: "viewer" }));

    await page.goto("/servers/new");
    await expect(page).toHaveURL(/\/forbidden$/);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await expect(new ServerFormPage(page).form).toHaveCount(0);

    await page.goto(`/servers/${server.id}/edit`);
    await expect(page).toHaveURL(/\/forbidden$/);

    await page.goto("/users");
    await expect(page).toHaveURL(/\/forbidden$/);
  });

  test("calling the server actions directly is refused and changes nothing", async ({
    adminPage,
    seed,
    signInAs,
    everythingUrl,
  }) => {
    // The admin's own clicks reveal the action ids, as the browser's network tab would to anyone.
    const kept = await seed.server();
    const form = new ServerFormPage(adminPage);
    await form.goto();
    await form.fill({ name: "Throwaway", slug: `throwaway-${uniqueSuffix()}`, endpointUrl: everythingUrl });
    const createServer = await recordServerAction(adminPage, () => form.submit.click());
    await adminPage.waitForURL(/\/servers\/(?!new$)[^/]+$/);
    const deleteServer = await recordServerAction(adminPage, () => new ServerDetailPage(adminPage).delete());
    expect(deleteServer.id).not.toBe(createServer.id);

    const viewer = await signInAs(await seed.user({ role: "viewer" }));
    const detail = new ServerDetailPage(viewer);
    await detail.goto(kept.id);
    await expect(detail.heading).toHaveText(kept.name);

    const deleteAttempt = await replayServerAction(viewer, deleteServer, [{ serverId: kept.id }]);
    expect(deleteAttempt.result).toMatchObject({ ok: false, error: { code: "forbidden" } });

    const forgedSlug = `forged-${uniqueSuffix()}`;
    const createArgs = createServer.args[0] as { input: Record<string, unknown> };
    const createAttempt = await replayServerAction(viewer, createServer, [
      { ...createArgs, input: { ...createArgs.input, name: "Forged", slug: forgedSlug } },
    ]);
    expect(createAttempt.result).toMatchObject({ ok: false, error: { code: "forbidden" } });

    // Nothing changed, as the viewer and the admin both see it.
    await detail.goto(kept.id);
    await expect(detail.heading).toHaveText(kept.name);
    await expect(detail.tool("echo")).toBeVisible();
    const servers = new ServersPage(adminPage);
    await servers.goto();
    await expect(servers.row(kept.slug)).toBeVisible();
    await expect(servers.row(forgedSlug)).toHaveCount(0);
  });
});
