import { randomUUID } from "node:crypto";
import { expect, test } from "../fixtures";
import { ApiKeysPage } from "../pages/api-keys-page";
import { RequestsPage } from "../pages/requests-page";
import { uniqueSuffix } from "../support/accounts";

test("an operator finds a tool call by server and source, opens it, and exports the same set", async ({
  page,
  seed,
  request,
}) => {
  // A real call to record: a script calls echo through the REST facade with its own key.
  const server = await seed.server();
  const keyName = `history-${uniqueSuffix()}`;
  const keys = new ApiKeysPage(page);
  await keys.goto();
  const key = await keys.create({ name: keyName, scopes: ["mcp"] });
  const message = `history ${uniqueSuffix()}`;
  const call = await request.post(`/api/v1/mcp/${server.slug}`, {
    headers: { authorization: `Bearer ${key}` },
    data: { method: "call_tool", params: { name: "echo", arguments: { message } } },
  });
  expect(call.status()).toBe(200);
  const requestId = call.headers()["x-request-id"]!;

  const history = new RequestsPage(page);
  await page.goto("/servers");
  await history.navLink.click();
  await expect(page).toHaveURL(/\/requests$/);

  // The log is written in the background (within a second); filter until the row is there.
  await expect(async () => {
    await history.filter({ server: server.name, source: "rest" });
    await expect(history.rows()).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  // The filters live in the URL: the same link shows the same set.
  await expect(page).toHaveURL(new RegExp(`[?&]server=${server.id}(&|$)`));
  await expect(page).toHaveURL(/[?&]source=rest(&|$)/);
  const row = history.rows().first();
  await expect(row).toContainText(`${server.slug}/echo`);
  await expect(row).toContainText("succeeded");
  await expect(row).toContainText(keyName);

  const csv = await page.request.get((await history.exportCsv.getAttribute("href"))!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toMatch(/attachment; filename="orbit-requests-.*\.csv"/);
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(requestId);

  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/requests\/[^/?]+$/);
  await expect(history.detailHeading).toHaveText(`Request ${server.slug}/echo`);
  await expect(history.requestId).toHaveText(requestId);
  await expect(history.keyName).toHaveText(keyName);
  await expect(history.requestBody).toContainText(message);
  await expect(history.responseBody).toContainText(`Echo: ${message}`);
  // The timings card draws the measured steps: one upstream attempt that answered, with its duration.
  await expect(history.steps).toBeVisible();
  await expect(history.step("Attempt 1")).toContainText("ok");
  await expect(history.step("Attempt 1")).toContainText(/\d+(\.\d)? ms/);
  await expect(history.step("Other")).toBeVisible();
  await expect(page.getByText("No per-step timings were recorded")).toHaveCount(0);

  // Searching by the request id from an error envelope finds the same row.
  await history.goto();
  await history.filter({ search: requestId });
  await expect(history.rows()).toHaveCount(1);
});

test("an unknown request id shows the 404 page, and a broken filter link says what is wrong", async ({
  page,
}) => {
  const history = new RequestsPage(page);
  for (const id of [randomUUID(), "no-such-request"]) {
    const response = await history.gotoDetail(id);
    expect(response?.status(), id).toBe(404);
    await expect(page.getByText("This page could not be found.")).toBeVisible();
  }

  await history.goto("?range=forever");
  // Filtered by text: Next's route announcer is an alert region too.
  await expect(page.getByRole("alert").filter({ hasText: 'Filter "range"' })).toBeVisible();
  await expect(history.table).toHaveCount(0);
});
