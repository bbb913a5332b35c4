import { expect, test } from "../fixtures";
import { ApiKeysPage } from "../pages/api-keys-page";
import { OverviewPage } from "../pages/overview-page";
import { uniqueSuffix } from "../support/accounts";

test("the overview counts a server's tool calls, failures included, and a viewer reads the same numbers", async ({
  page,
  seed,
  signInAs,
  playwright,
  baseURL,
}) => {
  const server = await seed.server();
  const keys = new ApiKeysPage(page);
  await keys.goto();
  const key = await keys.create({ name: `overview-${uniqueSuffix()}`, scopes: ["mcp"] });

  // Calls through the REST facade, as a script would make them: twelve echoes and four to an unknown tool. Enough
  // that this server and its tools rank among the busiest of the hour whatever other specs did (top ten are shown).
  const client = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${key}` },
  });
  for (let i = 1; i <= 12; i++) {
    const answer = await client.post(`/api/v1/mcp/${server.slug}`, {
      data: { method: "call_tool", params: { name: "echo", arguments: { message: `call ${i}` } } },
    });
    expect(answer.status(), await answer.text()).toBe(200);
  }
  for (let i = 1; i <= 4; i++) {
    const failed = await client.post(`/api/v1/mcp/${server.slug}`, {
      data: { method: "call_tool", params: { name: "no_such_tool", arguments: {} } },
    });
    // Refused by the gateway or answered as a tool error: either way a failed request in the log.
    const failure = (await failed.json()) as { error?: unknown; result?: { isError?: boolean } };
    expect(failure.error !== undefined || failure.result?.isError === true, JSON.stringify(failure)).toBe(
      true,
    );
  }
  await client.dispose();

  const overview = new OverviewPage(page);
  await overview.goto();
  await expect(overview.heading).toBeVisible();
  await expect(overview.rangeLink("Last hour")).toHaveAttribute("aria-current", "page");
  // The request log is written in batches a moment after each answer; the page refreshes itself every 10 s.
  const serverRow = overview.breakdownRow("By server", server.name);
  await expect(async () => {
    await overview.goto();
    expect(await overview.rowFigures(serverRow, 2_000)).toEqual([
      "16",
      "75.0%",
      expect.stringMatching(/ m?s$/),
      expect.any(String),
    ]);
  }).toPass({ timeout: 20_000 });
  const echoRow = overview.breakdownRow("By tool", `${server.slug} · echo`);
  expect((await overview.rowFigures(echoRow)).slice(0, 2)).toEqual(["12", "100.0%"]);
  const unknownRow = overview.breakdownRow("By tool", `${server.slug} · no_such_tool`);
  expect((await overview.rowFigures(unknownRow)).slice(0, 2)).toEqual(["4", "0.0%"]);
  await expect(overview.breakdownRow("By channel", "REST API")).toBeVisible();
  // Other specs share the database, so the totals are at least this spec's calls.
  expect(
    Number((await overview.figure("Requests").textContent())?.replaceAll(",", "")),
  ).toBeGreaterThanOrEqual(16);
  await expect(overview.volumeSummary).toContainText("requests in the last hour");
  await expect(overview.latencySummary).toContainText("Highest p95 latency in the last hour");
  await expect(overview.upstreamHealth.getByRole("link", { name: server.name })).toBeVisible();
  await expect(overview.system.getByTestId("readiness-database")).toHaveText("ok");

  // Another range is another URL, and the calls are inside it too.
  await overview.rangeLink("Last 24 hours").click();
  await expect(page).toHaveURL(/\?range=24h$/);
  await expect(overview.rangeLink("Last 24 hours")).toHaveAttribute("aria-current", "page");
  expect((await overview.rowFigures(overview.breakdownRow("By server", server.name))).slice(0, 2)).toEqual([
    "16",
    "75.0%",
  ]);

  const viewer = new OverviewPage(await signInAs(await seed.user({ role: "viewer" })));
  await viewer.goto("7d");
  expect((await viewer.rowFigures(viewer.breakdownRow("By server", server.name))).slice(0, 2)).toEqual([
    "16",
    "75.0%",
  ]);
  await expect(viewer.pauseRefresh).toBeVisible();
});

test("an unknown range falls back to the last hour and says so", async ({ page }) => {
  const overview = new OverviewPage(page);
  await overview.goto("forever");
  await expect(page.getByRole("status").filter({ hasText: "Unknown time range" })).toHaveText(
    "Unknown time range; showing the last hour.",
  );
  await expect(overview.rangeLink("Last hour")).toHaveAttribute("aria-current", "page");
  await expect(overview.keyFigures).toBeVisible();
  await expect(overview.volumeSummary).toContainText("in the last hour");

  // Auto-refresh can be paused and resumed without leaving the page.
  await overview.pauseRefresh.click();
  await expect(page.getByRole("button", { name: "Resume auto-refresh" })).toBeVisible();
  await expect(page).toHaveURL(/\?range=forever$/);
});
