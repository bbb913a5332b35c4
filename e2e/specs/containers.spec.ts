import { expect, test } from "../fixtures";
import { ContainersPage } from "../pages/containers-page";
import {
  crashTestContainer,
  isTestContainerRunning,
  removeTestContainers,
  runTestContainer,
} from "../support/test-containers";

// The app's worker follows a real engine (Podman, started by global-setup.ts) with the default heal policy: a
// labelled container that crashes is restarted after about two seconds (1 s to settle, 1 s of backoff). The pages
// refresh themselves every 5 s. ORBIT_TEST_CONTAINERS=off (no Podman on the machine) leaves these specs out.
if (process.env.ORBIT_TEST_CONTAINERS === "on") {
  test.afterAll(removeTestContainers);

  test("an operator sees a crashed container healed, then stops it and it stays stopped", async ({
    page,
  }) => {
    // The worker may still be waiting out its backoff for the engine, which global setup starts after the app.
    test.setTimeout(120_000);
    const { name, container } = await runTestContainer({ prefix: "e2e-heal", heal: true });
    const containers = new ContainersPage(page);
    await containers.goto();
    await expect(containers.row(name)).toContainText("running", { timeout: 45_000 });

    await crashTestContainer(container);
    await expect(containers.restartsOf(name)).toHaveText("1", { timeout: 30_000 });
    await expect(containers.row(name)).toContainText("running");

    await containers.open(name);
    await expect(containers.healHistory).toContainText("heal restart");
    await expect(containers.healHistory).toContainText("exited with a non-zero code");
    await expect(containers.events).toContainText("Exited with code 137");

    await containers.confirm("Stop");
    await expect(page.getByText(`${name} stopped.`)).toBeVisible();
    await expect(page.getByRole("region", { name: "Healing" })).toContainText("stopped on purpose");
    // Well past the healer's settle time and backoff: a stop through Orbit is never undone.
    await page.waitForTimeout(6_000);
    expect(await isTestContainerRunning(container)).toBe(false);
    await expect(containers.restartCount).toHaveText(/^1\b/);
    await expect(containers.controls.Start).toBeVisible();
  });

  test("diagnostics show health, the last log lines and an inspect summary of the chosen containers", async ({
    page,
  }) => {
    const first = await runTestContainer({ prefix: "e2e-diag", heal: false });
    const second = await runTestContainer({ prefix: "e2e-diag", heal: true });
    const containers = new ContainersPage(page);
    await containers.goto();
    await expect(containers.row(first.name)).toBeVisible({ timeout: 20_000 });
    await expect(containers.row(second.name)).toBeVisible({ timeout: 20_000 });

    await containers.choose(first.name);
    await containers.choose(second.name);
    await expect(containers.diagnoseButton).toHaveText("Diagnose 2 selected");
    await containers.diagnoseButton.click();

    for (const { name } of [first, second]) {
      const diagnosis = containers.diagnosis(name);
      await expect(diagnosis).toContainText("running");
      await expect(diagnosis).toContainText("ready");
      await expect(diagnosis).toContainText("localhost/orbit-test-busybox");
    }
    await expect(containers.diagnosis(second.name)).toContainText("healing: watching");
    await expect(containers.diagnosis(first.name)).toContainText("healing: off");
  });

  test("a viewer sees containers and their history but cannot restart or stop them", async ({
    seed,
    signInAs,
  }) => {
    const { name } = await runTestContainer({ prefix: "e2e-view", heal: true });
    const viewer = await seed.user({ role: "viewer" });
    const page = await signInAs(viewer);
    const containers = new ContainersPage(page);
    await containers.goto();
    await expect(containers.row(name)).toBeVisible({ timeout: 20_000 });
    await containers.open(name);
    await expect(containers.events).toContainText("Started");
    for (const control of Object.values(containers.controls)) await expect(control).toHaveCount(0);
  });
}
