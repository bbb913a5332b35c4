import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { AppShell } from "../pages/app-shell";

// The theme control in the header: System (the default, the operating system decides), Light or Dark. A forced
// choice is a class on <html> that the server writes from a cookie, so it is in the first response and needs no
// script: checked below with JavaScript turned off, which is what the first paint before hydration looks like.

const bodyBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

/** The <html> start tag as the server sent it, before any script ran. */
async function servedHtmlTag(page: Page, path: string): Promise<string> {
  const response = await page.request.get(path);
  expect(response.status()).toBe(200);
  return (await response.text()).match(/<html[^>]*>/)?.[0] ?? "";
}

/** The system's own light and dark backgrounds, seen with the System choice. */
async function systemBackgrounds(page: Page): Promise<{ light: string; dark: string }> {
  await page.emulateMedia({ colorScheme: "light" });
  const light = await bodyBackground(page);
  await page.emulateMedia({ colorScheme: "dark" });
  const dark = await bodyBackground(page);
  expect(dark, "the System choice follows the operating system").not.toBe(light);
  return { light, dark };
}

function watchHydrationErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /hydrat/i.test(message.text())) errors.push(message.text());
  });
  page.on("pageerror", (error) => {
    if (/hydrat/i.test(error.message)) errors.push(error.message);
  });
  return errors;
}

test("System is the default and follows the operating system", async ({ page }) => {
  await page.goto("/servers");
  const shell = new AppShell(page);
  await expect(shell.themeSelect).toHaveValue("system");
  await expect(page.locator("html")).not.toHaveClass(/\b(dark|light)\b/);
  expect(await servedHtmlTag(page, "/servers")).not.toMatch(/class="(dark|light)"/);
  await systemBackgrounds(page);
});

test("Dark applies at once, arrives in the server's HTML and survives a reload on a light system", async ({
  page,
  browser,
  baseURL,
}) => {
  const hydration = watchHydrationErrors(page);
  await page.goto("/servers");
  const shell = new AppShell(page);
  const system = await systemBackgrounds(page);
  await page.emulateMedia({ colorScheme: "light" });

  await shell.chooseTheme("Dark");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  expect(await bodyBackground(page)).toBe(system.dark);
  expect(await servedHtmlTag(page, "/servers")).toMatch(/class="dark"/);

  await page.reload();
  await expect(shell.themeSelect).toHaveValue("dark");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  expect(await bodyBackground(page)).toBe(system.dark);
  expect(hydration, "no hydration mismatch after the reload").toEqual([]);

  // Without JavaScript the page is what the first paint shows: already dark, nothing to flash.
  const noScript = await browser.newContext({
    baseURL,
    javaScriptEnabled: false,
    colorScheme: "light",
    storageState: await page.context().storageState(),
  });
  const firstPaint = await noScript.newPage();
  await firstPaint.goto("/");
  await expect(firstPaint.locator("html")).toHaveClass(/\bdark\b/);
  expect(await bodyBackground(firstPaint)).toBe(system.dark);
  await noScript.close();
});

test("Light holds on a dark system, before and after a reload; System gives the choice back", async ({
  page,
  browser,
  baseURL,
}) => {
  const hydration = watchHydrationErrors(page);
  await page.goto("/servers");
  const shell = new AppShell(page);
  const system = await systemBackgrounds(page);
  await page.emulateMedia({ colorScheme: "dark" });

  await shell.chooseTheme("Light");
  await expect(page.locator("html")).toHaveClass(/\blight\b/);
  expect(await bodyBackground(page)).toBe(system.light);
  expect(await servedHtmlTag(page, "/servers")).toMatch(/class="light"/);

  await page.reload();
  await expect(shell.themeSelect).toHaveValue("light");
  expect(await bodyBackground(page)).toBe(system.light);
  expect(hydration).toEqual([]);

  const noScript = await browser.newContext({
    baseURL,
    javaScriptEnabled: false,
    colorScheme: "dark",
    storageState: await page.context().storageState(),
  });
  const firstPaint = await noScript.newPage();
  await firstPaint.goto("/servers");
  expect(await bodyBackground(firstPaint)).toBe(system.light);
  await noScript.close();

  await shell.chooseTheme("System");
  await expect(page.locator("html")).not.toHaveClass(/\b(dark|light)\b/);
  expect(await bodyBackground(page)).toBe(system.dark);
  await page.reload();
  await expect(shell.themeSelect).toHaveValue("system");
  expect(await bodyBackground(page)).toBe(system.dark);
});
