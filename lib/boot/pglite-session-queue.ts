import type { PGlite } from "@electric-sql/pglite";

type Pending = {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
};

const SYNC = "S".charCodeAt(0);
const QUERY = "Q".charCodeAt(0);
const FUNCTION_CALL = "F".charCodeAt(0);
const SYNC_MESSAGE = new Uint8Array([SYNC, 0, 0, 0, 4]);

/**
 * Serializes the wire-protocol messages of many client connections onto PGlite's one session.
 *
 * Drop-in replacement for pglite-socket's internal QueryQueueManager (same method names), which only pins a
 * connection while a SQL transaction is open. That is not enough: an extended-protocol cycle (Parse/Bind/Execute
 * up to Sync) shares the session's unnamed statement, and when a large query arrives in several TCP chunks another
 * connection's Parse can slip in between and the first client silently gets the other's rows (reproduced with
 * node-postgres and 300 kB parameters; electric-sql/pglite#1046). Here a connection owns the session from its
 * first message until a cycle ends (Sync, simple Query, FunctionCall or the startup packet) outside a
 * transaction. A failing message also never wedges the queue (the upstream queue stops for good after a throw).
 *
 * COPY FROM STDIN is not supported across connections (its CopyData follows a finished Query); Prisma never uses it.
 */
export class PgliteSessionQueue {
  readonly #db: PGlite;
  #pending: Pending[] = [];
  #owner: number | null = null;
  #running = false;

  constructor(db: PGlite) {
    this.#db = db;
  }

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ handlerId, message, onData, resolve, reject });
      void this.#pump();
    });
  }

  getQueueLength(): number {
    return this.#pending.length;
  }

  clearQueueForHandler(handlerId: number): void {
    this.#pending = this.#pending.filter((item) => {
      if (item.handlerId !== handlerId) return true;
      item.reject(new Error("Handler disconnected"));
      return false;
    });
  }

  /** Called when a connection goes away: end whatever it left open so the others can run. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.#owner !== handlerId) return;
    try {
      // A half-sent cycle (e.g. Parse without Sync, or an error waiting for Sync) would make the backend skip the
      // next connection's messages; a Sync closes it and is harmless otherwise.
      await this.#db.runExclusive(() =>
        this.#db.execProtocolRawStream(SYNC_MESSAGE, { onRawData: () => {} }),
      );
      if (this.#db.isInTransaction()) await this.#db.exec("ROLLBACK");
    } catch {
      // The database is closing or already gone; there is nothing left to clean up.
    }
    this.#owner = null;
    void this.#pump();
  }

  async #pump(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    try {
      for (let next = this.#takeNext(); next; next = this.#takeNext()) {
        await this.#run(next);
      }
    } finally {
      this.#running = false;
    }
  }

  #takeNext(): Pending | undefined {
    const index =
      this.#owner === null ? 0 : this.#pending.findIndex((item) => item.handlerId === this.#owner);
    if (index < 0 || index >= this.#pending.length) return undefined;
    return this.#pending.splice(index, 1)[0];
  }

  async #run(item: Pending): Promise<void> {
    this.#owner = item.handlerId;
    let bytes = 0;
    try {
      await this.#db.runExclusive(() =>
        this.#db.execProtocolRawStream(item.message, {
          onRawData: (data) => {
            bytes += data.length;
            item.onData(data);
          },
        }),
      );
      item.resolve(bytes);
    } catch (error) {
      item.reject(error);
    } finally {
      if (endsCycle(item.message) && !this.#db.isInTransaction()) this.#owner = null;
    }
  }
}

function endsCycle(message: Uint8Array): boolean {
  const type = message[0];
  // Untyped messages (first byte 0: a length) are the startup packet, answered with ReadyForQuery.
  return type === SYNC || type === QUERY || type === FUNCTION_CALL || type === 0;
}
