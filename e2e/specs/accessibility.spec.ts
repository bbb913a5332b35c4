import AxeBuilder from "@axe-core/playwright";
import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "../fixtures";
import { AppShell } from "../pages/app-shell";

// WCAG 2.1 A and AA rules; only serious and critical findings fail the run (moderate ones, such as heading order,
// are reported in the attachment but do not).
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Checks the page that is open, saves a full-page screenshot of it (light, then dark, or only the forced theme) as
 * a CI artifact, and returns its serious and critical violations as readable lines.
 */
async function audit(
  page: Page,
  name: string,
  testInfo: TestInfo,
  forced?: "light" | "dark",
): Promise<string[]> {
  // The live log holds an SSE connection open, so "network idle" never comes: wait for the page's heading instead.
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  await testInfo.attach(`axe-${name}.json`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: "application/json",
  });
  if (forced) {
    const path = testInfo.outputPath(`screenshots/${name}-forced-${forced}.png`);
    await page.screenshot({ path, fullPage: true, animations: "disabled" });
    await testInfo.attach(`${name}-forced-${forced}`, { path, contentType: "image/png" });
  } else {
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const path = testInfo.outputPath(`screenshots/${name}-${scheme}.png`);
      await page.screenshot({ path, fullPage: true, animations: "disabled" });
      await testInfo.attach(`${name}-${scheme}`, { path, contentType: "image/png" });
    }
    await page.emulateMedia({ colorScheme: "light" });
  }
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${name}: ${violation.id} (${violation.impact}) ${violation.help} — ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(" "))
          .join(", ")}`,
    );
}

const fileName = (path: string) =>
  path === "/" ? "overview" : path.slice(1).replaceAll(/[^a-z0-9]+/gi, "-");

// Once as the system decides (light), then with each theme forced through the header's control against the
// opposite system preference, so a colour that only one theme gets wrong is caught.
const runs = [
  { label: "", forced: undefined, system: "light" },
  { label: " with the theme forced light", forced: "light", system: "dark" },
  { label: " with the theme forced dark", forced: "dark", system: "light" },
] as const;

for (const { label, forced, system } of runs) {
  test(`every admin page has no serious or critical accessibility violation${label}`, async ({
    page,
    seed,
  }, testInfo) => {
    test.setTimeout(240_000);
    const server = await seed.server();
    await page.emulateMedia({ colorScheme: system });
    await page.goto("/");
    if (forced) {
      const shell = new AppShell(page);
      await shell.chooseTheme(forced === "dark" ? "Dark" : "Light");
      await expect(page.locator("html")).toHaveClass(new RegExp(`\\b${forced}\\b`));
    }
    // Every page the navigation offers an admin (so a new page is checked as soon as it is linked), plus the pages
    // reached from them.
    const linked = await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link")
      .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
    const paths = [
      ...new Set([
        ...linked.filter((href) => href.startsWith("/")),
        "/servers/new",
        `/servers/${server.id}`,
        "/integrations/new",
      ]),
    ];
    expect(paths).toEqual(
      expect.arrayContaining(["/", "/servers", "/logs", "/maintenance", "/audit", "/users", "/keys"]),
    );

    const problems: string[] = [];
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      if (forced) await expect(page.locator("html"), path).toHaveClass(new RegExp(`\\b${forced}\\b`));
      problems.push(...(await audit(page, fileName(path).replace(server.id, "detail"), testInfo, forced)));
    }
    expect(problems).toEqual([]);
  });
}

test("the sign-in page has no serious or critical accessibility violation", async ({
  browser,
  baseURL,
}, testInfo) => {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/login");
  expect(await audit(page, "login", testInfo)).toEqual([]);
  await context.close();
});
