import { Card } from "@/components/ui/card";

// Bodies are stored redacted and cut to 4 KiB with a "…(truncated N bytes)" tail (lib/telemetry/truncate-body.ts).
const TRUNCATED = /…\(truncated (\d+) bytes\)$/;

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** A logged body, pretty-printed when it is whole JSON; a cut one is shown as stored, with what was dropped. */
export function RequestBody({ title, body, testId }: { title: string; body: string | null; testId: string }) {
  const cut = body?.match(TRUNCATED);
  return (
    <Card title={title}>
      {body === null ? (
        <p className="text-sm text-zinc-500">Nothing recorded.</p>
      ) : (
        <>
          <pre
            className="max-h-[32rem] overflow-auto whitespace-pre-wrap break-all font-mono text-xs"
            data-testid={testId}
          >
            {cut ? body : pretty(body)}
          </pre>
          {cut ? (
            <p className="mt-2 text-xs text-zinc-500">
              Cut at 4 KiB when it was recorded ({cut[1]} more bytes not kept); secrets were redacted.
            </p>
          ) : (
            <p className="mt-2 text-xs text-zinc-500">Secrets were redacted when it was recorded.</p>
          )}
        </>
      )}
    </Card>
  );
}
