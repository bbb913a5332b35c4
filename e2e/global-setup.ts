import { startEverythingServer } from "../lib/test/start-everything-server";
import { startOpenAiStandIn } from "../lib/test/start-openai-stand-in";
import { startE2eEngine } from "./support/start-e2e-engine";

/**
 * Starts the reference MCP server (`@modelcontextprotocol/server-everything`) that specs register in Orbit, and
 * hands its URL to the test workers, which inherit this process's environment, the OpenAI-compatible stand-in agent
 * jobs call, and the container engine the app's worker follows (see support/start-e2e-engine.ts). The returned
 * function stops all three.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const everything = await startEverythingServer();
  process.env.E2E_EVERYTHING_URL = everything.url;
  // Agent jobs' model endpoint, on the port playwright.config.ts gave the app.
  const openai = await startOpenAiStandIn({
    apiKey: "sk-e2e-stand-in",
    port: Number(process.env.E2E_OPENAI_PORT),
  }).catch(async (error: unknown) => {
    await everything.stop();
    throw error;
  });
  const stopEngine = await startE2eEngine().catch(async (error: unknown) => {
    await everything.stop();
    await openai.stop();
    throw error;
  });
  return async () => {
    await everything.stop();
    await openai.stop();
    await stopEngine();
  };
}
