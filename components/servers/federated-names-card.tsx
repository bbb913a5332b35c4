import { Alert, Card } from "@/components/ui/card";
import type { ServerCollision } from "@/lib/servers/list-server-collisions";

/**
 * A server's place on the federated endpoint: its alias, what its tools are called there, and any name it shares
 * with another server (such tools are left out, not renamed, so no client's stored name ever changes meaning).
 */
export function FederatedNamesCard(props: {
  alias: string;
  slug: string;
  enabled: boolean;
  exampleTool: string | null;
  collisions: ServerCollision[];
}) {
  const { alias, collisions } = props;
  const tool = props.exampleTool ?? "<tool>";
  return (
    <Card title="Federated names">
      <div className="space-y-3 text-sm">
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
          <dt className="text-zinc-500">Alias</dt>
          <dd className="font-mono" data-testid="federated-alias">
            {alias}
          </dd>
          <dt className="text-zinc-500">Tools appear as</dt>
          <dd>
            <code className="font-mono">
              {alias}__{tool}
            </code>{" "}
            on <code className="font-mono">/api/mcp</code>
          </dd>
        </dl>
        <p className="text-zinc-500">
          The alias was fixed when the server was registered
          {alias === props.slug ? null : <> and no longer matches its slug</>}: renaming the slug, or adding
          and removing other servers, never changes it, so the names MCP clients have stored keep working.
          {props.enabled ? null : " Disabled servers are not on /api/mcp."}
        </p>
        {collisions.length > 0 ? (
          <Alert tone="amber">
            <p className="font-medium">
              {collisions.length === 1 ? "One tool is" : `${collisions.length} tools are`} left out of
              /api/mcp: another server produces the same name.
            </p>
            <ul className="mt-2 space-y-1" aria-label="Name collisions">
              {collisions.map((collision) => (
                <li key={collision.federatedName}>
                  <code className="font-mono">{collision.federatedName}</code> (tool{" "}
                  <code className="font-mono">{collision.tool}</code>) is also{" "}
                  {(collision.others ?? [])
                    .map((other) => `${other.slug}'s tool "${other.tool}" under alias "${other.alias}"`)
                    .join(", ")}
                  .
                </li>
              ))}
            </ul>
            <p className="mt-2">
              Neither is renamed. They stay out while the servers are enabled together: disable one, or
              register one again under another alias.
            </p>
          </Alert>
        ) : null}
      </div>
    </Card>
  );
}
