const orig = globalThis.setTimeout;
(globalThis as any).setTimeout = (fn: any, ms: number, ...a: any[]) => { if (ms >= 5000) console.log("timer", ms, new Error().stack?.split("\n").slice(2, 7).join("\n")); return orig(fn, ms, ...a); };
await import("./.proto-stop.ts");
