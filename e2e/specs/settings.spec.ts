import { expect, test } from "../fixtures";
import { ConfirmDialog } from "../pages/confirm-dialog";
import { SettingsPage } from "../pages/settings-page";
import { uniqueSuffix } from "../support/accounts";
import { recordServerAction, replayServerAction } from "../support/server-actions";

// Specs share one app, so versions saved here only change the IP deny list, with benchmark-range addresses
// (198.18.0.0/15) that no spec sends from.

const randomDenied = () => `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

test("an admin saves a version with a message, sees its diff in the history, and rolls it back", async ({
  page,
}) => {
  const settings = new SettingsPage(page);
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(settings.form.getByRole("region", { name: "Circuit breaker" })).toBeVisible();

  // Found by message, not number: other specs may save versions meanwhile.
  async function saveDeny(address: string, message: string) {
    await settings.fill("Access", "IP deny list", address);
    await settings.message.fill(message);
    await settings.save.click();
    await expect(page.getByText(/Saved version \d+/).last()).toBeVisible();
    const entry = settings.history.getByRole("listitem").filter({ hasText: message });
    await expect(entry).toContainText(`→ ${address}`);
    const label = await entry.getAttribute("aria-label");
    return { entry, version: Number(label?.replace("Version ", "")) };
  }

  const first = randomDenied();
  const second = randomDenied();
  const suffix = uniqueSuffix();
  const one = await saveDeny(first, `block ${first} ${suffix}`);
  const two = await saveDeny(second, `block ${second} ${suffix}`);
  expect(two.version).toBeGreaterThan(one.version);
  await expect(two.entry).toContainText(`access.ipDeny: ${first} → ${second}`);
  await expect(two.entry).toContainText("user:");
  await expect(settings.field("Access", "IP deny list")).toHaveValue(second);

  await one.entry.getByRole("button", { name: `Roll back to version ${one.version}` }).click();
  await new ConfirmDialog(page).accept();
  await expect(page.getByText(`Restored version ${one.version}`)).toBeVisible();
  const restored = settings.history
    .getByRole("listitem")
    .filter({ hasText: `Rollback to version ${one.version}` })
    .first();
  await expect(restored).toContainText(`Rollback to version ${one.version}`);
  await expect(restored).toContainText(`access.ipDeny: ${second} → ${first}`);
  await expect(settings.field("Access", "IP deny list")).toHaveValue(first);
});

test("invalid values are shown next to their fields and save nothing", async ({ page }) => {
  const settings = new SettingsPage(page);
  await settings.goto();
  const before = await settings.currentVersion();
  await settings.fill("Tool calls", "Retries", "lots");
  await settings.fill("Access", "IP deny list", "not-an-address");
  await settings.save.click();
  await expect(settings.form.getByText("Enter a number (retries)")).toBeVisible();
  await expect(settings.form.getByText(/Enter an IP address or CIDR range/)).toBeVisible();
  await expect(settings.field("Tool calls", "Retries")).toHaveAttribute("aria-invalid", "true");
  await page.reload();
  expect(await settings.currentVersion()).toBe(before);
});

test("a viewer reads the settings and history but cannot save, even by calling the action", async ({
  adminPage,
  seed,
  signInAs,
}) => {
  // The admin's own save reveals the action's id, as the browser's network tab would to anyone.
  const admin = new SettingsPage(adminPage);
  await admin.goto();
  await admin.fill("Access", "IP deny list", randomDenied());
  const save = await recordServerAction(adminPage, () => admin.save.click());
  await expect(adminPage.getByText(/Saved version \d+/)).toBeVisible();
  await adminPage.reload();
  const current = await admin.currentVersion();

  const viewer = await signInAs(await seed.user({ role: "viewer" }));
  const settings = new SettingsPage(viewer);
  await settings.goto();
  await expect(viewer.getByText("Only admins change the configuration")).toBeVisible();
  await expect(settings.field("Access", "IP deny list")).toBeDisabled();
  await expect(settings.save).toHaveCount(0);
  await expect(settings.version(current)).toBeVisible();
  await expect(settings.history.getByRole("button", { name: /Roll back/ })).toHaveCount(0);

  const args = save.args[0] as Record<string, unknown>;
  const attempt = await replayServerAction(viewer, save, [{ ...args, baseVersion: current }]);
  expect(attempt.result).toMatchObject({ ok: false, error: { code: "forbidden" } });
  // Seeding the viewer took the admin's page to Users; back to Settings to read the version in force.
  await admin.goto();
  expect(await admin.currentVersion()).toBe(current);
});
