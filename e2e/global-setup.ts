import { startEverythingServer } from "../lib/test/start-everything-server";
import { startE2eEngine } from "./support/start-e2e-engine";

/**
 * Starts the reference MCP server (`@modelcontextprotocol/server-everything`) that specs register in Orbit, and
 * hands its URL to the test workers, which inherit this process's environment, and the container engine the app's
 * worker follows (see support/start-e2e-engine.ts). The returned function stops both.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const everything = await startEverythingServer();
  process.env.E2E_EVERYTHING_URL = everything.url;
  const stopEngine = await startE2eEngine().catch(async (error: unknown) => {
    await everything.stop();
    throw error;
  });
  return async () => {
    await everything.stop();
    await stopEngine();
  };
}
