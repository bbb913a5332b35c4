import { expect, test } from "../fixtures";
import { ApiKeysPage } from "../pages/api-keys-page";
import { LogsPage } from "../pages/logs-page";
import { uniqueSuffix } from "../support/accounts";

test("an operator watches tool calls arrive live, filters them, and pauses without losing any", async ({
  page,
  seed,
  request,
}) => {
  const server = await seed.server();
  const keys = new ApiKeysPage(page);
  await keys.goto();
  const key = await keys.create({ name: `live-${uniqueSuffix()}`, scopes: ["mcp"] });
  const call = (message: string) =>
    request.post(`/api/v1/mcp/${server.slug}`, {
      headers: { authorization: `Bearer ${key}` },
      data: { method: "call_tool", params: { name: "echo", arguments: { message } } },
    });

  const logs = new LogsPage(page);
  await logs.goto();
  expect((await call("first")).status()).toBe(200);
  const line = logs.events.filter({ hasText: `${server.slug}/echo succeeded` });
  await expect(line).toHaveCount(1, { timeout: 10_000 });

  // Filters: this server's lines stay, a text nothing contains empties the list and says so.
  await logs.filter({ server: server.slug, kind: "request" });
  await expect(line).toHaveCount(1);
  await logs.filter({ text: "no-such-text-anywhere" });
  await expect(logs.log).toContainText("No event matches these filters.");
  await logs.filter({ text: "" });

  // Paused: new events wait with a count, and appear on resume.
  await logs.pauseButton.click();
  expect((await call("second")).status()).toBe(200);
  // At least our call; the worker's health checks may add lines of their own meanwhile.
  await expect(logs.resumeButton).toHaveText(/^Resume \([1-9]\d* new\)$/, { timeout: 10_000 });
  await expect(line).toHaveCount(1);
  await logs.resumeButton.click();
  await expect(line).toHaveCount(2);
});

test("the live stream refuses a caller without a session in the error envelope", async ({
  playwright,
  baseURL,
}) => {
  const anonymous = await playwright.request.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
  });
  const response = await anonymous.get("/api/v1/logs/stream");
  expect(response.status()).toBe(401);
  expect((await response.json()).error.code).toBe("unauthenticated");
  await anonymous.dispose();
});
