import { randomUUID } from "node:crypto";
import { expect, test } from "../fixtures";
import { ServerDetailPage } from "../pages/server-detail-page";

test("an unknown server id shows the 404 page", async ({ page }) => {
  const detail = new ServerDetailPage(page);
  for (const id of [randomUUID(), "no-such-server"]) {
    const response = await detail.goto(id);
    expect(response?.status(), id).toBe(404);
    await expect(page.getByText("This page could not be found.")).toBeVisible();
  }
});

test("an unknown API path answers 404 in the JSON error envelope", async ({ request }) => {
  for (const method of ["GET", "POST"] as const) {
    const response = await request.fetch("/api/no-such-route", { method });
    expect(response.status(), method).toBe(404);
    const body = await response.json();
    expect(body).toEqual({
      error: { code: "not_found", message: `No API route at ${method} /api/no-such-route.` },
      requestId: expect.any(String),
    });
    expect(response.headers()["x-request-id"]).toBe(body.requestId);
  }
});

test("health and readiness answer without a session", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const health = await anonymous.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok", version: expect.any(String) });
  const ready = await anonymous.get("/api/ready");
  expect(ready.status()).toBe(200);
  expect((await ready.json()).checks.database).toBe("ok");
  await anonymous.dispose();
});
