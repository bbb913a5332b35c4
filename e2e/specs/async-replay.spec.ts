import { createHmac, randomUUID } from "node:crypto";
import { expect, test } from "../fixtures";
import { IntegrationFormPage } from "../pages/integration-form-page";
import { uniqueSuffix } from "../support/accounts";

// The async path end to end in the running app: a signed GitHub webhook is answered 202 at once, the worker takes it
// from the queue and calls the tool, and an operator replays it from its page, which queues a new delivery that the
// worker runs too.
test("an async delivery is processed by the worker, and its replay is queued and processed again", async ({
  page,
  seed,
  request,
}) => {
  const server = await seed.server();
  const slug = `async-${uniqueSuffix()}`;
  const secret = `e2e-async-secret-${uniqueSuffix()}`;
  const form = new IntegrationFormPage(page);
  await form.goto();
  await form.name.fill(`Async ${slug}`);
  await form.slug.fill(slug);
  await form.kind.selectOption("github");
  await form.form.getByLabel("Mode").selectOption("async");
  await form.secret.fill(secret);
  await form.fillRoute(0, {
    name: "Issues",
    eventType: "issues.*",
    serverName: server.name,
    toolName: "echo",
    arguments: '{ "message": payload.issue.title }',
  });
  const integrationId = await form.save();

  const title = `queued ${uniqueSuffix()}`;
  const body = JSON.stringify({ action: "opened", issue: { number: 1, title } });
  const send = (signature: string) =>
    request.post(`/api/webhooks/${slug}`, {
      headers: {
        "content-type": "application/json",
        "x-github-event": "issues",
        "x-github-delivery": randomUUID(),
        "x-hub-signature-256": signature,
      },
      data: body,
    });
  // Signed with another secret: refused before anything is stored or queued.
  const forged = await send(`sha256=${createHmac("sha256", "not-the-secret").update(body).digest("hex")}`);
  expect(forged.status()).toBe(401);
  expect(((await forged.json()) as { error: { code: string } }).error.code).toBe("bad_signature");

  const sent = await send(`sha256=${createHmac("sha256", secret).update(body).digest("hex")}`);
  expect(sent.status()).toBe(202);
  const { deliveryId } = (await sent.json()) as { deliveryId: string };

  // The worker polls its queue about twice a second; the page shows the outcome once it has run.
  await expect(async () => {
    await page.goto(`/deliveries/${deliveryId}`);
    await expect(page.getByRole("main").getByText("succeeded").first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByText("Issues", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Replay" }).click();
  await page.waitForURL(
    (url) => url.pathname.startsWith("/deliveries/") && !url.pathname.endsWith(deliveryId),
  );
  const replayId = new URL(page.url()).pathname.split("/").at(-1)!;
  await expect(page.getByRole("link", { name: deliveryId })).toBeVisible();
  await expect(async () => {
    await page.goto(`/deliveries/${replayId}`);
    await expect(page.getByRole("main").getByText("succeeded").first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });

  // The integration's history holds exactly the two calls (the forged request never became one), each an echo.
  // Request-log rows are written in batches within about a second.
  await expect(async () => {
    const exported = await page.request.get(
      `/api/v1/requests/export?format=json&source=webhook&integration=${integrationId}`,
    );
    expect(exported.status()).toBe(200);
    const rows = (await exported.json()) as {
      deliveryId: string | null;
      tool: string | null;
      status: string;
    }[];
    expect(rows.map((row) => row.deliveryId).sort()).toEqual([deliveryId, replayId].sort());
    expect(rows.every((row) => row.tool === "echo" && row.status === "succeeded")).toBe(true);
  }).toPass({ timeout: 10_000 });
});
