import { publishListChanged } from "./publish-list-changed";

/**
 * A server was added, enabled, disabled, deleted or reconfigured: what it contributes to federated tools, prompts
 * and resources appeared or went away at once, so federated sessions of keys that may use it hear that all three
 * lists changed. Never throws (publishListChanged).
 */
export async function publishServerListsChanged(server: { id: string; slug: string }): Promise<void> {
  await Promise.all(
    (["tools", "prompts", "resources"] as const).map((list) =>
      publishListChanged({ serverId: server.id, slug: server.slug, list }),
    ),
  );
}
