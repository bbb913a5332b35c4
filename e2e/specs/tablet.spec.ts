import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { AppShell } from "../pages/app-shell";

// A tablet, portrait and landscape: every page fits the width (wide tables scroll inside their own box, never the
// page), and the navigation, folded behind Menu below 1280 px, opens and closes from the keyboard.

const TABLETS = [
  { name: "portrait", width: 768, height: 1024 },
  { name: "landscape", width: 1024, height: 768 },
] as const;

/** How far the page is wider than the window, and the widest element that sticks out (to say what to fix). */
function overflow(page: Page) {
  return page.evaluate(() => {
    const excess = document.documentElement.scrollWidth - window.innerWidth;
    let culprit = "";
    if (excess > 0) {
      for (const element of document.body.querySelectorAll("*")) {
        const box = element.getBoundingClientRect();
        if (box.right > window.innerWidth + 1 && box.width > 0) {
          culprit = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}.${String(element.className).slice(0, 60)}`;
        }
      }
    }
    return { excess, culprit };
  });
}

async function pagesToVisit(page: Page, serverId: string, slug: string): Promise<string[]> {
  await page.goto(`/tools?server=${slug}`);
  const toolHref = await page.getByRole("link", { name: "echo", exact: true }).first().getAttribute("href");
  await page.goto("/");
  const linked = await new AppShell(page).navPaths();
  return [
    ...new Set([
      ...linked,
      "/servers/new",
      `/servers/${serverId}`,
      `/servers/${serverId}/edit`,
      "/integrations/new",
      ...(toolHref ? [toolHref] : []),
    ]),
  ];
}

for (const tablet of TABLETS) {
  test(`every page fits a ${tablet.width}×${tablet.height} tablet (${tablet.name})`, async ({
    page,
    seed,
  }, testInfo) => {
    test.setTimeout(180_000);
    const server = await seed.server();
    await page.setViewportSize({ width: tablet.width, height: tablet.height });
    const paths = await pagesToVisit(page, server.id, server.slug);
    expect(paths.length).toBeGreaterThan(15);

    const problems: string[] = [];
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      const { excess, culprit } = await overflow(page);
      if (excess > 0) problems.push(`${path}: ${excess}px wider than the window (${culprit})`);
      // A screenshot of each page at this size, kept as a CI artifact for a reviewer's eye.
      const shot = testInfo.outputPath(
        `tablet/${tablet.name}${path === "/" ? "-overview" : path.replaceAll("/", "-")}.png`,
      );
      await page.screenshot({ path: shot, fullPage: true, animations: "disabled" });
    }
    expect(problems).toEqual([]);
  });

  test(`the navigation opens from the keyboard on a ${tablet.name} tablet`, async ({ page }) => {
    await page.setViewportSize({ width: tablet.width, height: tablet.height });
    await page.goto("/");
    const shell = new AppShell(page);
    await expect(shell.menuButton).toBeVisible();
    await expect(shell.nav).toBeHidden();
    await expect(shell.menuButton).toHaveAttribute("aria-expanded", "false");

    await shell.menuButton.focus();
    await page.keyboard.press("Enter");
    await expect(shell.nav).toBeVisible();
    await expect(shell.menuButton).toHaveAttribute("aria-expanded", "true");

    // Tab reaches the links of the open menu.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press("Tab");
      if (await shell.nav.evaluate((nav) => nav.contains(document.activeElement))) break;
    }
    await expect(shell.navLink("Overview")).toBeFocused();

    // Escape closes it and puts focus back on the button.
    await page.keyboard.press("Escape");
    await expect(shell.nav).toBeHidden();
    await expect(shell.menuButton).toBeFocused();

    // Open again with Space, follow a link with Enter: the new page opens with the menu closed.
    await page.keyboard.press("Space");
    await expect(shell.nav).toBeVisible();
    await shell.navLink("Servers").focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/servers$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("MCP servers");
    await expect(shell.nav).toBeHidden();
    await expect(shell.menuButton).toHaveAttribute("aria-expanded", "false");
  });
}

test("on a wide screen the navigation is a sidebar, without a Menu button", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto("/");
  const shell = new AppShell(page);
  await expect(shell.nav).toBeVisible();
  await expect(shell.menuButton).toBeHidden();
});
