import type { Locator, Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { AppShell } from "../pages/app-shell";
import { ConfirmDialog } from "../pages/confirm-dialog";
import { ServerDetailPage } from "../pages/server-detail-page";
import { ServersPage } from "../pages/servers-page";

// The admin UI without a mouse: a skip link first, a visible focus ring wherever focus goes, and confirmations that
// hold focus, close on Escape and give focus back.

/** Presses Tab until `target` has focus; fails after `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`${limit} presses of Tab never reached ${target}`);
}

test("the first Tab offers Skip to content, which moves focus to the page", async ({ page }) => {
  await page.goto("/servers");
  const shell = new AppShell(page);
  await page.keyboard.press("Tab");
  await expect(shell.skipLink).toBeFocused();
  // Shown when focused (it is visually hidden otherwise).
  const box = await shell.skipLink.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(40);

  await page.keyboard.press("Enter");
  await expect(shell.main).toBeFocused();
  // The next Tab lands inside the page, past the header and the navigation.
  await page.keyboard.press("Tab");
  expect(await shell.main.evaluate((main) => main.contains(document.activeElement))).toBe(true);
});

test("every element Tab reaches shows a focus ring", async ({ page, seed }) => {
  const server = await seed.server();
  const missing: string[] = [];
  for (const path of ["/servers", `/servers/${server.id}`, "/settings", "/integrations/new"]) {
    await page.goto(path);
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return null;
        const style = getComputedStyle(element);
        const ring =
          (style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) > 0) ||
          style.boxShadow !== "none";
        const name = `${element.tagName.toLowerCase()} "${(element.getAttribute("aria-label") ?? element.textContent ?? "").trim().slice(0, 40)}"`;
        return { ring, name };
      });
      if (focused && !focused.ring) missing.push(`${path}: ${focused.name}`);
    }
  }
  expect([...new Set(missing)]).toEqual([]);
});

test("a delete confirmation opens from the keyboard, keeps focus, closes on Escape and returns focus", async ({
  page,
  seed,
}) => {
  const server = await seed.server();
  const detail = new ServerDetailPage(page);
  await detail.goto(server.id);
  await expect(detail.heading).toHaveText(server.name);
  const deleteButton = detail.controls.Delete!;
  const confirm = new ConfirmDialog(page);

  await tabTo(page, deleteButton);
  await page.keyboard.press("Enter");
  await expect(confirm.dialog).toBeVisible();
  await expect(confirm.dialog).toContainText(server.name);
  // Cancel first: Enter straight away destroys nothing.
  await expect(confirm.cancelButton).toBeFocused();
  await page.screenshot({ path: test.info().outputPath("confirm-dialog.png"), animations: "disabled" });

  // Tab and Shift+Tab go round inside the dialog.
  await page.keyboard.press("Tab");
  await expect(confirm.confirmButton).toBeFocused();
  await expect(confirm.confirmButton).toHaveText("Delete server");
  await page.keyboard.press("Tab");
  await expect(confirm.cancelButton).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(confirm.confirmButton).toBeFocused();

  await page.keyboard.press("Escape");
  await expect(confirm.dialog).toBeHidden();
  await expect(deleteButton).toBeFocused();
  await expect(detail.heading).toHaveText(server.name);

  // Cancel by Enter also changes nothing and gives focus back.
  await page.keyboard.press("Enter");
  await expect(confirm.cancelButton).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(confirm.dialog).toBeHidden();
  await expect(deleteButton).toBeFocused();

  // And confirming by keyboard deletes.
  await page.keyboard.press("Enter");
  await expect(confirm.cancelButton).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/servers$/);
  await expect(new ServersPage(page).row(server.slug)).toHaveCount(0);
});
