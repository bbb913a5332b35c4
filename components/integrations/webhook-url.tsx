import { CopyButton } from "./copy-button";

/** The public webhook URL with a copy button; `origin` comes from the request the page was served for. */
export function WebhookUrl({ origin, path }: { origin: string; path: string }) {
  const url = `${origin}${path}`;
  return (
    <span className="inline-flex items-center gap-1">
      <code className="break-all font-mono text-xs" data-testid="webhook-url">
        {url}
      </code>
      <CopyButton value={url} />
    </span>
  );
}
