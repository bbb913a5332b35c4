import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";
const db = await PGlite.create();
const orig = db.execProtocolRawStream.bind(db); const seq: string[] = []; (db as any).execProtocolRawStream = (m: Uint8Array, o: any) => { seq.push(String.fromCharCode(m[0]!)+m.length); return orig(m, o); };
const s = new PGLiteSocketServer({ db, port: 0, host: "127.0.0.1", maxConnections: 20 });
await s.start();
const pool = new pg.Pool({ connectionString: `postgresql://postgres@${s.getServerConn()}/postgres`, max: 10 });
let bad = 0, err = 0;
await Promise.all(Array.from({ length: 300 }, async (_, i) => {
  try {
    const k = i % 3;
    const r = await pool.query(`SELECT $1::int + ${k * 1000} AS n${k}, $2::text AS s${k}`, [i, `v${i}`]);
    if (r.rows[0][`n${k}`] !== i + k * 1000 || r.rows[0][`s${k}`] !== `v${i}`) { bad++; if (bad < 3) console.log(k, r.rows[0]); }
  } catch (e) { err++; if (err < 3) console.log(String(e)); }
}));
console.log({ bad, err }); console.log(seq.slice(0, 60).join(" "));
await pool.end(); await s.stop(); await db.close();
