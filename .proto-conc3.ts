import { PGlite } from "@electric-sql/pglite";
import { servePglite } from "@/lib/boot/serve-pglite";
import pg from "pg";
const db = await PGlite.create();
const s = await servePglite({ db });
const pool = new pg.Pool({ connectionString: s.databaseUrl, max: 10 });
let bad = 0, err = 0;
const big = "x".repeat(300_000);
await pool.query("CREATE TABLE t (id int primary key, v text)");
const t0 = Date.now();
await Promise.all(Array.from({ length: 300 }, async (_, i) => {
  try {
    const k = i % 4;
    if (k === 3) {
      const c = await pool.connect();
      try { await c.query("BEGIN"); await c.query("INSERT INTO t VALUES ($1, $2)", [i, big]); await new Promise(r => setTimeout(r, 2)); await c.query("COMMIT"); } finally { c.release(); }
      return;
    }
    const payload = k === 0 ? big : `v${i}`;
    const r = await pool.query(`SELECT $1::int + ${k * 1000} AS n${k}, length($2::text) AS s${k}`, [i, payload]);
    if (r.rows[0][`n${k}`] !== i + k * 1000 || r.rows[0][`s${k}`] !== payload.length) { bad++; if (bad < 3) console.log(k, r.rows[0]); }
  } catch (e) { err++; if (err < 3) console.log(String(e)); }
}));
const cnt = await pool.query("SELECT count(*)::int AS c FROM t");
console.log({ bad, err, rows: cnt.rows[0].c, ms: Date.now() - t0 });
// a client that errors mid-transaction and disconnects must not wedge others
const c = await pool.connect(); await c.query("BEGIN"); await c.query("SELECT 1/0").catch(() => {}); c.release(new Error("drop"));
console.log((await pool.query("SELECT 42 AS x")).rows[0]);
await pool.end(); await s.stop(); await db.close();
