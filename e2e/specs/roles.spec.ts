import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { AppShell } from "../pages/app-shell";
import { SettingsPage } from "../pages/settings-page";
import type { Role } from "../pages/users-page";

// Each role walks the whole admin UI: the navigation offers exactly the pages the role may open, each of those
// opens, and every other page sends it to /forbidden. Pages the role may read but not change show no control that
// would only be refused, or show it disabled with the reason.

const rank: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

/** Every page of the admin UI and the least role it needs; `nav` when the main navigation links to it. */
function pages(serverId: string): { path: string; role: Role; nav: boolean }[] {
  return [
    { path: "/", role: "viewer", nav: true },
    { path: "/servers", role: "viewer", nav: true },
    { path: "/tools", role: "viewer", nav: true },
    { path: "/integrations", role: "viewer", nav: true },
    { path: "/deliveries", role: "viewer", nav: true },
    { path: "/requests", role: "viewer", nav: true },
    { path: "/chat", role: "operator", nav: true },
    { path: "/jobs", role: "viewer", nav: true },
    { path: "/playbooks", role: "viewer", nav: true },
    { path: "/agents", role: "viewer", nav: true },
    { path: "/containers", role: "viewer", nav: true },
    { path: "/logs", role: "viewer", nav: true },
    { path: "/maintenance", role: "viewer", nav: true },
    { path: "/settings", role: "viewer", nav: true },
    { path: "/users", role: "admin", nav: true },
    { path: "/keys", role: "admin", nav: true },
    { path: "/audit", role: "admin", nav: true },
    { path: "/account", role: "viewer", nav: true },
    { path: "/servers/new", role: "operator", nav: false },
    { path: `/servers/${serverId}`, role: "viewer", nav: false },
    { path: `/servers/${serverId}/edit`, role: "operator", nav: false },
    { path: "/integrations/new", role: "operator", nav: false },
  ];
}

async function walk(page: Page, role: Role, serverId: string): Promise<void> {
  const all = pages(serverId);
  const allowed = (needed: Role) => rank[role] >= rank[needed];
  const shell = new AppShell(page);

  await page.goto("/");
  await expect(shell.currentUser).toBeAttached();
  expect(await shell.navPaths(), `${role}: the navigation`).toEqual(
    all.filter((p) => p.nav && allowed(p.role)).map((p) => p.path),
  );

  const wrong: string[] = [];
  for (const { path, role: needed } of all) {
    const response = await page.goto(path);
    if (response?.status() !== 200) {
      wrong.push(`${path}: HTTP ${response?.status()}`);
      continue;
    }
    // A redirect can also arrive after the first bytes (streamed), so wait for the page to settle either way.
    if (!allowed(needed)) await page.waitForURL(/\/forbidden$/, { timeout: 5_000 }).catch(() => {});
    await page.waitForLoadState("load");
    const heading = await page.getByRole("heading", { level: 1 }).first().textContent();
    const forbidden = new URL(page.url()).pathname === "/forbidden";
    if (allowed(needed) && forbidden) wrong.push(`${path}: sent to /forbidden`);
    else if (!allowed(needed) && !(forbidden && heading === "Not allowed"))
      wrong.push(`${path}: opened (“${heading}”) for a ${role}`);
    // Redirected before any of the page was sent (not even its loading skeleton, which would flash its title).
    else if (!allowed(needed) && !response.request().redirectedFrom())
      wrong.push(`${path}: sent part of the page before redirecting to /forbidden`);
  }
  expect(wrong, `${role}: pages`).toEqual([]);
}

test("a viewer reads every page but changes nothing, and is sent to /forbidden from the rest", async ({
  seed,
  signInAs,
}) => {
  test.setTimeout(120_000);
  const server = await seed.server();
  const page = await signInAs(await seed.user({ role: "viewer" }));
  await walk(page, "viewer", server.id);

  // Lists offer no way to add; a detail page no way to change.
  const none = {
    "/servers": [page.getByRole("link", { name: "Add server" })],
    "/integrations": [page.getByRole("link", { name: "Add integration" })],
    "/jobs": [page.getByRole("region", { name: "Start a job" })],
    "/playbooks": [page.getByRole("form", { name: "Playbook" })],
    "/agents": [page.getByRole("form", { name: "Agent" })],
    [`/servers/${server.id}`]: [
      page.getByRole("button", { name: "Delete", exact: true }),
      page.getByRole("link", { name: "Edit", exact: true }),
    ],
  };
  for (const [path, controls] of Object.entries(none)) {
    await page.goto(path);
    for (const control of controls) await expect(control, `${path}: ${control}`).toHaveCount(0);
  }
  // Settings are readable, the form disabled, and the page says why.
  await expectReadOnlySettings(page);
});

test("an operator manages servers but is sent to /forbidden from users, keys and the audit log", async ({
  seed,
  signInAs,
}) => {
  test.setTimeout(120_000);
  const server = await seed.server();
  const page = await signInAs(await seed.user({ role: "operator" }));
  await walk(page, "operator", server.id);

  await page.goto(`/servers/${server.id}`);
  await expect(page.getByRole("button", { name: "Delete", exact: true })).toBeEnabled();
  await page.goto("/servers");
  await expect(page.getByRole("link", { name: "Add server" })).toBeVisible();
  // The configuration is the admins' (the save action says so too: settings.spec.ts).
  await expectReadOnlySettings(page);
});

test("an admin opens every page and may change the configuration", async ({ page, seed }) => {
  test.setTimeout(120_000);
  const server = await seed.server();
  await walk(page, "admin", server.id);
  const settings = new SettingsPage(page);
  await settings.goto();
  await expect(settings.save).toBeEnabled();
  await expect(page.getByText("Only admins change the configuration")).toHaveCount(0);
});

async function expectReadOnlySettings(page: Page): Promise<void> {
  const settings = new SettingsPage(page);
  await settings.goto();
  await expect(page.getByText("Only admins change the configuration; you can read it.")).toBeVisible();
  await expect(settings.field("Access", "IP deny list")).toBeDisabled();
  await expect(settings.save).toHaveCount(0);
}
