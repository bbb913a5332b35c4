import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { ServerCollision } from "@/lib/servers/list-server-collisions";

/**
 * The servers list's view of federated name collisions: each `<alias>__<tool>` name two or more enabled servers
 * produce, who claims it, and what that costs (every claimant's tool is left out of /api/mcp). The page shows it
 * only when there is one, since nothing is wrong otherwise.
 */
export function FederatedCollisionsCard({ collisions }: { collisions: ServerCollision[] }) {
  return (
    <Card title="Federated name collisions">
      <div className="space-y-3 text-sm">
        <p className="text-zinc-600 dark:text-zinc-400">
          These names on <code className="font-mono">/api/mcp</code> are produced by more than one enabled
          server. Orbit never renames a tool, so every tool listed here is left out of the federated endpoint
          until the clash is gone (disable one of the servers, or register one again under another alias). The
          passthrough endpoints (<code className="font-mono">/api/mcp/&lt;server&gt;</code>) still serve them.
        </p>
        <table className="w-full text-left">
          <thead className="text-xs uppercase text-zinc-500">
            <tr>
              <th className="py-2 pr-4">Federated name</th>
              <th className="py-2">Left out: server, alias and tool</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {collisions.map((collision) => (
              <tr key={collision.federatedName} data-testid={`collision-${collision.federatedName}`}>
                <td className="py-2 pr-4 align-top font-mono">{collision.federatedName}</td>
                <td className="py-2">
                  <ul className="space-y-1">
                    {collision.claims.map((claim) => (
                      <li key={claim.serverId}>
                        <Link
                          href={`/servers/${claim.serverId}`}
                          className="text-indigo-600 hover:underline dark:text-indigo-400"
                        >
                          {claim.slug}
                        </Link>{" "}
                        <span className="text-zinc-500">
                          alias <code className="font-mono">{claim.alias}</code>, tool{" "}
                          <code className="font-mono">{claim.tool}</code>
                        </span>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
