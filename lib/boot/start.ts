import { runOrbit } from "./run-orbit";

// `npm start`: build if needed, migrate, then web + worker (+ the embedded database when DATABASE_URL is unset).
await runOrbit({ mode: "production" });
