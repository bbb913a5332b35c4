import { parseArgs } from "node:util";
import { toAppError } from "@/lib/http/error-response";
import { runCommand } from "./run-command";

// Every failure ends in one line on stderr and a non-zero exit, so scripts can branch on it.
const USAGE = `Usage: orbit <command> [options]

  user create   --email E --password P --role admin|operator|viewer [--name N]
  apikey create --name N --scopes mcp,metrics,admin,server:<slug> [--expires 2027-01-01]
                [--allow-tools <slug>/<tool>,<slug>/*,…] [--deny-tools <slug>/<tool>,…]
                (prints the key once on stdout; deny wins; no --allow-tools = every tool the scopes give)
  apikey list   [--json]   (never shows keys or hashes)
  apikey revoke --id ID
  server add    --name N --url URL [--url URL2 …] [--header "Name: value" …] [--slug S]
                [--transport streamable-http|sse] [--timeout MS] [--tag T …] [--no-connect]
  server list   [--json]
  integration add  --file integration.json   (the shape the UI saves, routes included; prints the webhook URL)
  integration list [--json]
  config export   (the configuration in force as JSON on stdout, defaults included)
  config import --file config.json [--message M]   (validated; fields left out keep their values)
  db migrate

The database is DATABASE_URL when set, otherwise the embedded one in ORBIT_DATA_DIR (./.orbit).`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      email: { type: "string" },
      password: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      scopes: { type: "string" },
      expires: { type: "string" },
      "allow-tools": { type: "string" },
      "deny-tools": { type: "string" },
      id: { type: "string" },
      url: { type: "string", multiple: true },
      header: { type: "string", multiple: true },
      slug: { type: "string" },
      transport: { type: "string" },
      timeout: { type: "string" },
      tag: { type: "string", multiple: true },
      "no-connect": { type: "boolean" },
      file: { type: "string" },
      message: { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  const command = positionals.slice(0, 2).join(" ");
  if (values.help || positionals.length === 0) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  return runCommand(command, values, positionals.slice(2));
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const isUsage = (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    const message = isUsage ? (error as Error).message : describeError(error);
    console.error(`orbit: ${message}`);
    process.exit(isUsage ? 2 : 1);
  },
);

function describeError(error: unknown): string {
  const appError = toAppError(error);
  const issues = appError.details?.issues as { path: string; message: string }[] | undefined;
  if (issues?.length) return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
  if (appError.code === "internal") return (error as Error)?.message ?? String(error);
  return appError.message;
}
