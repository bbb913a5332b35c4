export type LogLine = { stream: "stdout" | "stderr"; text: string };

/**
 * The engine's log answer → lines. Without a TTY the engine multiplexes stdout and stderr in frames (one byte for the
 * stream, three zero bytes, a big-endian length, then the payload); with one it sends the bytes as written.
 */
export function demuxDockerLogs(payload: Buffer, tty: boolean): LogLine[] {
  if (tty) return toLines(payload.toString("utf8"), "stdout");
  const lines: LogLine[] = [];
  let offset = 0;
  const pending: Record<LogLine["stream"], string> = { stdout: "", stderr: "" };
  while (offset + 8 <= payload.length) {
    const kind = payload[offset];
    const size = payload.readUInt32BE(offset + 4);
    const stream = kind === 2 ? "stderr" : "stdout";
    pending[stream] += payload.subarray(offset + 8, offset + 8 + size).toString("utf8");
    offset += 8 + size;
    // Frames need not end at a newline: keep the unfinished line for the stream's next frame.
    const at = pending[stream].lastIndexOf("\n");
    if (at >= 0) {
      lines.push(...toLines(pending[stream].slice(0, at), stream));
      pending[stream] = pending[stream].slice(at + 1);
    }
  }
  for (const stream of ["stdout", "stderr"] as const) {
    if (pending[stream]) lines.push(...toLines(pending[stream], stream));
  }
  return lines;
}

function toLines(text: string, stream: LogLine["stream"]): LogLine[] {
  return text
    .split("\n")
    .filter((line, index, all) => line !== "" || index < all.length - 1)
    .map((line) => ({ stream, text: line.replace(/\r$/, "") }));
}
