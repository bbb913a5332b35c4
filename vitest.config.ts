import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts"],
    environment: "node",
    globalSetup: ["lib/test/global-setup.ts"],
    setupFiles: ["lib/test/setup-test-file.ts"],
    // Integration tests share one database; files run in parallel but each seeds its own rows.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
