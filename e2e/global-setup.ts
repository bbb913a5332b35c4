import { startEverythingServer } from "../lib/test/start-everything-server";

/**
 * Starts the reference MCP server (`@modelcontextprotocol/server-everything`) that specs register in Orbit, and
 * hands its URL to the test workers, which inherit this process's environment. The returned function stops it.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const everything = await startEverythingServer();
  process.env.E2E_EVERYTHING_URL = everything.url;
  return () => everything.stop();
}
