import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQueryable,
} from "@prisma/driver-adapter-utils";
import pg from "pg";

type BoundFactory = ReturnType<typeof bindMigrationAwareSqlAdapterFactory>;
type QueryResultLike = { fields?: { dataTypeID: number }[] };
type CharColumns = Map<string, number[]>;

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * The driver adapter the Wasm schema engine migrates through: one connection for the database (so the engine's own
 * advisory lock and its queries share a session) and, when given, a separate database as the shadow for diffs.
 * `close()` ends the pools; the engine never does.
 */
export function createMigrationAdapter({
  databaseUrl,
  shadowDatabaseUrl,
}: {
  databaseUrl: string;
  shadowDatabaseUrl?: string;
}): { factory: BoundFactory; close: () => Promise<void> } {
  const charColumns: CharColumns = new Map();
  const main = createPool(databaseUrl, charColumns);
  const shadow = shadowDatabaseUrl ? createPool(shadowDatabaseUrl, charColumns) : undefined;
  const mainFactory = new PrismaPg(main);
  const shadowFactory = shadow ? new PrismaPg(shadow) : undefined;
  // PrismaPg's own connectToShadowDb runs CREATE DATABASE next to the main one; we bring our own shadow instead
  // (an in-memory PGlite) so creating or checking migrations needs no server at all.
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: mainFactory.provider,
    adapterName: mainFactory.adapterName,
    connect: async () => runScriptsWhole(restoreCharColumns(await mainFactory.connect(), charColumns)),
    connectToShadowDb: async () => {
      if (!shadowFactory) throw new Error("this operation needs a shadow database");
      return runScriptsWhole(restoreCharColumns(await shadowFactory.connect(), charColumns));
    },
  };
  return {
    // The engine calls the factory's methods detached from it; the binding keeps `this` and wraps results.
    factory: bindMigrationAwareSqlAdapterFactory(factory),
    close: async () => {
      await Promise.all([main.end(), shadow?.end()]);
    },
  };
}

function createPool(connectionString: string, charColumns: CharColumns): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 1 });
  // Idle-client errors (a server restart) would otherwise crash the process; the next query reports them.
  pool.on("error", () => {});
  pool.on("connect", (client) => hideCharColumns(client, charColumns));
  return pool;
}

/*
 * The engine describes a database by reading catalog columns of Postgres's internal one-byte `"char"` type
 * (pg_class.relkind, pg_constraint.contype, …) and expects them as Character values. PrismaPg has no mapping for
 * that type and fails the whole query ("Column type 'char' could not be deserialized"), which breaks every diff
 * that reads a database. So the pg client reports those columns as text, remembering their positions per SQL text
 * (a statement's result types never change), and the adapter turns them into Character afterwards.
 */
function hideCharColumns(client: pg.PoolClient, charColumns: CharColumns): void {
  const original = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const first = args[0];
    const sql = typeof first === "string" ? first : (first as { text?: string } | undefined)?.text;
    const patch = (result: unknown) => {
      const indexes: number[] = [];
      (result as QueryResultLike | undefined)?.fields?.forEach((field, index) => {
        if (field.dataTypeID !== PG_CHAR_OID) return;
        field.dataTypeID = PG_TEXT_OID;
        indexes.push(index);
      });
      if (sql && indexes.length > 0) charColumns.set(sql, indexes);
      return result;
    };
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (error: unknown, result: unknown) => last(error, patch(result));
      return original(...args);
    }
    const returned = original(...args);
    return returned instanceof Promise ? returned.then(patch) : returned;
  };
}

/*
 * PrismaPg runs a script by splitting it on every ";", which cuts a function body ($$ … $$, e.g. a trigger's) into
 * pieces that do not parse. The native engine sends a migration as one simple-protocol query, which Postgres (and
 * PGlite) run statement by statement as one implicit transaction; this does the same.
 */
function runScriptsWhole<T extends SqlDriverAdapter>(adapter: T): T {
  // PrismaPgAdapter's own members, not in the driver-adapter interface: the pg pool, and the mapping of a pg error
  // to the DriverAdapterError the engine reports (what its executeScript does with a failure).
  const pgAdapter = adapter as unknown as { underlyingDriver(): pg.Pool; onError(error: unknown): never };
  adapter.executeScript = async (script) => {
    try {
      await pgAdapter.underlyingDriver().query(script);
    } catch (error) {
      pgAdapter.onError(error);
    }
  };
  return adapter;
}

function restoreCharColumns<T extends SqlQueryable>(adapter: T, charColumns: CharColumns): T {
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumns.get(query.sql) ?? [])
      result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  return adapter;
}
