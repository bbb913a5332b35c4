import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";
const db = await PGlite.create();
const s = new PGLiteSocketServer({ db, port: 0, host: "127.0.0.1", maxConnections: 20 });
await s.start();
const pool = new pg.Pool({ connectionString: `postgresql://postgres@${s.getServerConn()}/postgres`, max: 10 });
let bad = 0, err = 0;
const big = "x".repeat(300_000);
await Promise.all(Array.from({ length: 300 }, async (_, i) => {
  try {
    const k = i % 3;
    const payload = k === 0 ? big : `v${i}`;
    const r = await pool.query(`SELECT $1::int + ${k * 1000} AS n${k}, length($2::text) AS s${k}`, [i, payload]);
    if (r.rows[0][`n${k}`] !== i + k * 1000 || r.rows[0][`s${k}`] !== payload.length) { bad++; if (bad < 3) console.log(k, r.rows[0]); }
  } catch (e) { err++; if (err < 3) console.log(String(e)); }
}));
console.log({ bad, err });
await pool.end(); await s.stop(); await db.close();
