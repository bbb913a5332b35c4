import { runOrbit } from "./run-orbit";

// `npm run dev`: like `npm start`, with `next dev` and a worker that restarts when its code changes.
await runOrbit({ mode: "development" });
