import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import { createMigrationAdapter } from "./create-migration-adapter";

export type OpenedSchemaEngine = { engine: SchemaEngine; close: () => Promise<void> };

type WasmExports = WebAssembly.Exports & { __wbindgen_start: () => void };

let instantiated: Promise<void> | undefined;

/**
 * Prisma's schema engine compiled to WebAssembly, migrating through a JS driver adapter: no native binary, no
 * download (lib/db/README.md). The package targets bundlers, so plain Node instantiates the module
 * by hand, once per process.
 */
export async function openSchemaEngine({
  databaseUrl,
  shadowDatabaseUrl,
  schema,
  log,
}: {
  databaseUrl: string;
  shadowDatabaseUrl?: string;
  /** The Prisma schema, when the operation needs it (its datasource provider and namespaces). */
  schema?: { path: string; content: string };
  log?: (line: string) => void;
}): Promise<OpenedSchemaEngine> {
  instantiated ??= instantiate();
  await instantiated;
  const adapter = createMigrationAdapter({ databaseUrl, shadowDatabaseUrl });
  try {
    const engine = await bindings.SchemaEngine.new(
      { datamodels: schema ? [[schema.path, schema.content]] : undefined },
      (line: string) => log?.(line),
      adapter.factory,
    );
    return {
      engine,
      close: async () => {
        engine.free();
        await adapter.close();
      },
    };
  } catch (error) {
    await adapter.close();
    throw error;
  }
}

async function instantiate(): Promise<void> {
  // The engine reports the reason of a Rust panic here just before the panic surfaces as "unreachable"; without
  // the registry the report itself throws and the reason is lost.
  const registry = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message: (message: string) => void } };
  registry.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message: (message) => {
      console.error(`schema engine panicked: ${message}`);
    },
  };
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const bytes = await readFile(path.join(dir, "schema_engine_bg.wasm"));
  const imports: WebAssembly.ModuleImports = { ...(bindings as unknown as WebAssembly.ModuleImports) };
  // The engine arms a 10 s timer for every advisory-lock wait and never clears it, which kept every migrating
  // process alive 10 s after its work was done. Its timers must not hold the process open.
  for (const name of Object.keys(imports).filter((key) => key.startsWith("__wbg_setTimeout_"))) {
    imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
  }
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": imports });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports as WasmExports).__wbindgen_start();
}
