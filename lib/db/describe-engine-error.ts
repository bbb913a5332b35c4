/**
 * The schema engine's errors carry a Rust span trace after the message ("   0: schema_engine_wasm::…"). Operators
 * need the message; the trace stays on `cause` for whoever debugs the engine.
 */
export function describeEngineError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const traceStart = message.search(/\n\s+0: /);
  return (traceStart >= 0 ? message.slice(0, traceStart) : message).trim();
}
