import { expect, test } from "../fixtures";
import { MaintenancePage } from "../pages/maintenance-page";

test("an operator sees Orbit's health and system, checks a server's replicas and calls a tool", async ({
  page,
  seed,
}) => {
  const server = await seed.server();
  const maintenance = new MaintenancePage(page);
  await maintenance.goto();

  await expect(maintenance.health.getByTestId("readiness-database")).toContainText("ok");
  await expect(maintenance.system.getByTestId("system-Orbit")).toHaveText(/^\d+\.\d+\.\d+/);
  await expect(maintenance.system.getByTestId("system-Node.js")).toHaveText(/^v\d+/);

  const replicas = maintenance.replicas(server.name);
  await replicas.getByRole("button", { name: "Check now" }).click();
  await expect(replicas.getByRole("status")).toContainText("1 of 1 replicas healthy");

  await maintenance.callTool({
    server: `${server.name} (${server.slug})`,
    tool: "echo",
    args: '{"message":"hi"}',
  });
  await expect(maintenance.result).toContainText("succeeded");
  await expect(maintenance.result).toContainText("Echo: hi");
  await expect(maintenance.result).toContainText("1 attempt");
  await expect(maintenance.result).toContainText("not cached");
});

test("arguments that are not a JSON object are refused with a field error and a toast", async ({
  page,
  seed,
}) => {
  const server = await seed.server();
  const maintenance = new MaintenancePage(page);
  await maintenance.goto();
  await maintenance.callTool({ server: `${server.name} (${server.slug})`, tool: "echo", args: "[1, 2" });
  await expect(maintenance.callForm).toContainText("Arguments must be a JSON object");
  await expect(page.getByTestId("toast")).toContainText("Check the highlighted fields.");
  await expect(maintenance.result).toHaveCount(0);
});

test("a viewer sees the health but no tool-call form and no check button", async ({ seed, signInAs }) => {
  const server = await seed.server();
  const page = await signInAs(await seed.user({ role: "viewer" }));
  const maintenance = new MaintenancePage(page);
  await maintenance.goto();
  await expect(maintenance.health).toBeVisible();
  await expect(maintenance.replicas(server.name)).toBeVisible();
  await expect(maintenance.replicas(server.name).getByRole("button", { name: "Check now" })).toHaveCount(0);
  await expect(maintenance.callForm).toHaveCount(0);
});
