import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import type { Actor } from "@/lib/auth/roles";
import { prepareLocalEnvironment } from "@/lib/boot/prepare-local-environment";
import { exportConfig } from "@/lib/config/export-config";
import { importConfig } from "@/lib/config/import-config";
import { getPrisma } from "@/lib/db/get-prisma";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { createIntegration } from "@/lib/integrations/create-integration";
import { listIntegrations } from "@/lib/integrations/list-integrations";
import { createServer } from "@/lib/servers/create-server";
import { listServers } from "@/lib/servers/list-servers";
import { createUser } from "@/lib/users/create-user";
import { formatApiKeyLine } from "./format-api-key-line";
import { parseHeaderFlag } from "./parse-header-flag";
import { readJsonFile } from "./read-json-file";

type Values = Record<string, string | boolean | string[] | undefined>;

// Whoever can run this on the host already owns the database, so the CLI acts with admin rights; every change is
// still audited, as "cli".
const actor: Actor = { kind: "cli" };

export async function runCommand(command: string, values: Values, rest: string[]): Promise<number> {
  if (rest.length) throw new AppError("bad_request", `unexpected argument: ${rest[0]}`);
  const local = await prepareLocalEnvironment();
  try {
    const env = getEnv();
    if (command === "db migrate") {
      const { applied } = await migrateDatabase({ databaseUrl: env.DATABASE_URL });
      console.log(
        applied.length
          ? `applied ${applied.length} migration(s): ${applied.join(", ")}`
          : "database is up to date",
      );
      return 0;
    }
    return await runDataCommand(command, values);
  } finally {
    await getPrisma()
      .$disconnect()
      .catch(() => {});
    await local.stop();
  }
}

async function runDataCommand(command: string, values: Values): Promise<number> {
  switch (command) {
    case "user create": {
      const user = await createUser({
        actor,
        input: {
          email: required(values, "email"),
          password: required(values, "password"),
          role: required(values, "role") as "viewer",
          name: optional(values, "name"),
        },
      });
      console.log(`created ${user.role} ${user.email} (${user.id})`);
      return 0;
    }
    case "apikey create": {
      const key = await createApiKey({
        actor,
        input: {
          name: required(values, "name"),
          scopes: commaList(required(values, "scopes")),
          allowedTools: commaList(optional(values, "allow-tools")),
          deniedTools: commaList(optional(values, "deny-tools")),
          expiresAt: optional(values, "expires"),
        },
      });
      // The only time the key is ever shown: stdout carries just the key so `$(npx orbit apikey create …)` works.
      console.error(
        `created key ${key.name} (${key.prefix}…, scopes ${key.scopes.join(",")}); store it now, it is not shown again`,
      );
      console.log(key.key);
      return 0;
    }
    case "apikey list": {
      const keys = await listApiKeys({ actor });
      if (values.json) {
        console.log(JSON.stringify(keys, null, 2));
        return 0;
      }
      if (keys.length === 0) console.log("no API keys");
      for (const k of keys) console.log(formatApiKeyLine(k));
      return 0;
    }
    case "apikey revoke": {
      const { key, alreadyRevoked } = await revokeApiKey({ actor, apiKeyId: required(values, "id") });
      const revokedAt = key.revokedAt?.toISOString() ?? "";
      // Already revoked is success too, so a script can retry; the message says which happened.
      console.log(
        alreadyRevoked
          ? `key ${key.name} (${key.prefix}…) was already revoked at ${revokedAt}`
          : `revoked key ${key.name} (${key.prefix}…); requests with it are refused from now on`,
      );
      return 0;
    }
    case "server add": {
      const urls = (values.url as string[] | undefined) ?? [];
      if (urls.length === 0) throw new AppError("bad_request", "--url is required");
      const timeout = optional(values, "timeout");
      const server = await createServer({
        actor,
        fetchTools: values["no-connect"] !== true,
        input: {
          name: required(values, "name"),
          slug: optional(values, "slug"),
          transport: (optional(values, "transport")?.replace("-", "_") ?? "streamable_http") as "sse",
          endpoints: urls.map((url) => ({ url })),
          headers: ((values.header as string[] | undefined) ?? []).map(parseHeaderFlag),
          timeoutMs: timeout === undefined ? undefined : Number(timeout),
          tags: (values.tag as string[] | undefined) ?? [],
        },
      });
      console.log(`added ${server.slug} (${server.id}) with ${server.toolCount} tool(s)`);
      return 0;
    }
    case "server list": {
      const servers = await listServers({ actor });
      if (values.json) {
        console.log(JSON.stringify(servers, null, 2));
        return 0;
      }
      if (servers.length === 0) console.log("no servers");
      for (const s of servers) {
        const state = s.enabled ? "enabled " : "disabled";
        console.log(
          `${s.slug.padEnd(24)} ${state} ${String(s.toolCount).padStart(4)} tools  ${s.endpoints.map((e) => e.url).join(", ")}`,
        );
      }
      return 0;
    }
    case "integration add": {
      const integration = await createIntegration({
        actor,
        input: (await readJsonFile(required(values, "file"))) as never,
      });
      console.log(
        `added ${integration.slug} (${integration.id}) with ${integration.routes.length} route(s); webhook URL: ${publicUrl()}${integration.webhookPath}`,
      );
      return 0;
    }
    case "integration list": {
      const integrations = await listIntegrations({ actor });
      if (values.json) {
        console.log(JSON.stringify(integrations, null, 2));
        return 0;
      }
      if (integrations.length === 0) console.log("no integrations");
      for (const i of integrations) {
        const state = i.enabled ? "enabled " : "disabled";
        console.log(
          `${i.slug.padEnd(24)} ${i.kind.padEnd(17)} ${i.mode.padEnd(5)} ${state} ${String(i.routes.length).padStart(3)} routes  ${i.webhookPath}`,
        );
      }
      return 0;
    }
    case "config export": {
      // JSON on stdout, so `npx orbit config export > config.json` is the backup.
      console.log(JSON.stringify(await exportConfig({ actor }), null, 2));
      return 0;
    }
    case "config import": {
      const saved = await importConfig({
        actor,
        file: await readJsonFile(required(values, "file")),
        message: optional(values, "message"),
      });
      console.log(
        `saved configuration version ${saved.version} (${saved.changes} change(s)); running instances apply it within 5 s`,
      );
      return 0;
    }
    default:
      throw new AppError("bad_request", `unknown command "${command}" (orbit --help lists them)`);
  }
}

function required(values: Values, name: string): string {
  const value = values[name];
  if (typeof value !== "string" || value.trim() === "")
    throw new AppError("bad_request", `--${name} is required`);
  return value;
}

function optional(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** `a, b,,c` → ["a", "b", "c"]; nothing → []. */
function commaList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

// Outside a request there is no origin to copy, so the CLI prints what the operator configured, or npm start's default.
function publicUrl(): string {
  return getEnv().ORBIT_PUBLIC_URL ?? `http://localhost:${process.env.PORT || 3000}`;
}
