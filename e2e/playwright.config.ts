import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { decideContainerTests } from "../lib/test/decide-container-tests";
import { ADMIN_STATE, REPO_ROOT } from "./support/paths";

// A port of its own, so a developer's `npm start` on 3000 and the E2E app never meet. CI picks a free one.
const port = Number(process.env.E2E_PORT || 3210);
const baseURL = `http://127.0.0.1:${port}`;
// The container engine the app's worker follows: CI's (ORBIT_TEST_DOCKER_HOST), or a Podman service global setup
// starts on this socket. Chosen here because Playwright starts the web server before global setup; the worker simply
// retries until the engine answers. Test workers inherit E2E_DOCKER_HOST.
const dockerHost =
  process.env.ORBIT_TEST_DOCKER_HOST ||
  `unix://${path.join(tmpdir(), `orbit-e2e-podman-${port}`, "podman.sock")}`;
process.env.E2E_DOCKER_HOST = dockerHost;
// The OpenAI-compatible stand-in agent jobs talk to (global setup starts it on this port): like the engine, the app
// must be told its URL before it exists, and only calls it when an agent job runs.
const openaiPort = Number(process.env.E2E_OPENAI_PORT || port + 7);
process.env.E2E_OPENAI_PORT = String(openaiPort);
decideContainerTests((line) => console.log(line));

export default defineConfig({
  testDir: ".",
  outputDir: "test-results",
  // The app holds one database; specs seed their own rows but share it, so they run one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI
    ? [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]]
    : [["list"]],
  globalSetup: "./global-setup.ts",
  use: {
    baseURL,
    // Debian's chromium (shared/notes/browser-and-tools.md): Playwright's browser download does not work here.
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    trace: "retain-on-failure",
    // Every test ends with a full-page screenshot in test-results/<test>/ (kept by .ci/run as a CI artifact), so a
    // reviewer can look at each page as the run left it, passed or failed.
    screenshot: { mode: "on", fullPage: true },
  },
  projects: [
    { name: "setup", testMatch: /setup\/.*\.setup\.ts$/ },
    {
      name: "chromium",
      testMatch: /specs\/.*\.spec\.ts$/,
      dependencies: ["setup"],
      use: { storageState: ADMIN_STATE },
    },
  ],
  webServer: {
    command: "node_modules/.bin/tsx e2e/support/serve-app.ts",
    cwd: REPO_ROOT,
    url: `${baseURL}/api/ready`,
    env: {
      PORT: String(port),
      DOCKER_HOST: dockerHost,
      OPENAI_BASE_URL: `http://127.0.0.1:${openaiPort}/v1`,
      OPENAI_API_KEY: "sk-e2e-stand-in",
      ORBIT_AGENT_MODEL: "stand-in-model",
    },
    // The first start runs `next build` (2–3 minutes on a 2-core machine); later ones reuse it.
    timeout: 6 * 60_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    stdout: "pipe",
    stderr: "pipe",
  },
});
