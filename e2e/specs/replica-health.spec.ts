import { expect, test } from "../fixtures";
import { ServerDetailPage } from "../pages/server-detail-page";

test("an admin checks a server's replicas now and sees each one's health and circuit", async ({
  adminPage,
  seed,
}) => {
  const server = await seed.server();
  const detail = new ServerDetailPage(adminPage);
  await detail.goto(server.id);
  const health = adminPage.getByRole("region", { name: "Replica health" });
  await expect(health).toBeVisible();

  await adminPage.getByRole("button", { name: "Check now" }).click();
  await expect(adminPage.getByText(/1 of 1 replicas healthy/)).toBeVisible();
  // The table is refreshed from what the check stored: healthy, a latency, the circuit closed.
  await expect(health.getByText("healthy", { exact: true })).toBeVisible();
  await expect(health.getByText("circuit closed")).toBeVisible();
});

test("a viewer sees replica health but cannot start a check", async ({ seed, signInAs }) => {
  const server = await seed.server();
  const viewer = await seed.user({ role: "viewer" });
  const page = await signInAs(viewer);
  const detail = new ServerDetailPage(page);
  await detail.goto(server.id);
  await expect(page.getByRole("region", { name: "Replica health" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Check now" })).toHaveCount(0);
});
