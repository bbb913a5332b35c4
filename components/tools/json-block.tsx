/** JSON shown indented in a scrolling block; `null` and absent values say so instead of printing "null". */
export function JsonBlock({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <p className="text-sm text-zinc-500">None.</p>;
  return (
    <pre className="max-h-96 overflow-auto rounded bg-zinc-100 p-3 text-xs leading-relaxed dark:bg-zinc-800">
      {typeof value === "string" ? value : JSON.stringify(value, null, 2)}
    </pre>
  );
}
