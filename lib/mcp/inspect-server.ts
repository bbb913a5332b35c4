import { ErrorCode, McpError, type ServerCapabilities } from "@modelcontextprotocol/sdk/types.js";
import { type ConnectUpstreamOptions, connectUpstream, type UpstreamTransport } from "./connect-upstream";

export type InspectedTool = {
  name: string;
  title?: string;
  description?: string;
  inputSchema: Record<string, unknown>;
  outputSchema?: Record<string, unknown>;
  annotations?: Record<string, unknown>;
};

export type ServerInspection = {
  serverInfo: { name: string; version: string; title?: string };
  protocolVersion: string | null;
  /** The transport that answered; "sse" for a streamable_http URL that only speaks the old transport. */
  transport: UpstreamTransport;
  capabilities: ServerCapabilities;
  instructions?: string;
  tools: InspectedTool[];
  resources: { uri: string; name: string; title?: string; description?: string; mimeType?: string }[];
  resourceTemplates: {
    uriTemplate: string;
    name: string;
    title?: string;
    description?: string;
    mimeType?: string;
  }[];
  prompts: {
    name: string;
    title?: string;
    description?: string;
    arguments?: { name: string; description?: string; required?: boolean }[];
  }[];
  /** Lists cut short at the page limit. A caller must not treat a missing item of a truncated list as removed. */
  truncated: ("tools" | "resources" | "resourceTemplates" | "prompts")[];
};

// A server that keeps handing out cursors must not keep us listing forever; the deadline bounds time, this bounds work.
const MAX_PAGES = 50;

/**
 * Connects, initializes and lists everything the server declares (tools, resources, resource templates, prompts),
 * following pagination; the whole conversation fits in `timeoutMs`. Throws the same AppErrors as connectUpstream.
 */
export async function inspectServer(options: ConnectUpstreamOptions): Promise<ServerInspection> {
  // Declared so the registry lists the tools a capable client sees: servers may offer some (sampling, elicitation,
  // roots) only to clients that can answer those requests, and the federated endpoint lists tools from the registry.
  // No tool is called while inspecting; a request that comes all the same (roots/list right after initialize) gets
  // the SDK's "method not found", as from any client without a handler.
  const connection = await connectUpstream({
    ...options,
    capabilities: { sampling: {}, elicitation: { form: {}, url: {} }, roots: {} },
  });
  const { client, signal } = connection;
  try {
    const capabilities = client.getServerCapabilities() ?? {};
    const info = client.getServerVersion();
    const truncated: ServerInspection["truncated"] = [];
    const request = { signal, timeout: options.timeoutMs };

    const [tools, resources, resourceTemplates, prompts] = await Promise.all([
      capabilities.tools
        ? listAll("tools", truncated, (cursor) =>
            client
              .listTools({ cursor }, request)
              .then((page) => ({ items: page.tools, next: page.nextCursor })),
          )
        : [],
      capabilities.resources
        ? listAll("resources", truncated, (cursor) =>
            client
              .listResources({ cursor }, request)
              .then((p) => ({ items: p.resources, next: p.nextCursor })),
          )
        : [],
      // Some servers declare resources but never implemented templates; that means "none", not "broken".
      capabilities.resources
        ? listAll("resourceTemplates", truncated, (cursor) =>
            client
              .listResourceTemplates({ cursor }, request)
              .then((p) => ({ items: p.resourceTemplates, next: p.nextCursor })),
          ).catch((error: unknown) => {
            if (error instanceof McpError && error.code === ErrorCode.MethodNotFound) return [];
            throw error;
          })
        : [],
      capabilities.prompts
        ? listAll("prompts", truncated, (cursor) =>
            client.listPrompts({ cursor }, request).then((p) => ({ items: p.prompts, next: p.nextCursor })),
          )
        : [],
    ]);

    const instructions = client.getInstructions();
    return {
      serverInfo: {
        name: info?.name ?? "",
        version: info?.version ?? "",
        ...(info?.title ? { title: info.title } : {}),
      },
      protocolVersion: connection.protocolVersion,
      transport: connection.transport,
      capabilities,
      ...(instructions ? { instructions } : {}),
      tools: tools.map((tool) =>
        compact({
          name: tool.name,
          // The spec's display-name order: title, then annotations.title, then name.
          title: tool.title ?? tool.annotations?.title,
          description: tool.description,
          inputSchema: tool.inputSchema as Record<string, unknown>,
          outputSchema: tool.outputSchema as Record<string, unknown> | undefined,
          annotations: tool.annotations as Record<string, unknown> | undefined,
        }),
      ),
      resources: resources.map((r) =>
        compact({
          uri: r.uri,
          name: r.name,
          title: r.title,
          description: r.description,
          mimeType: r.mimeType,
        }),
      ),
      resourceTemplates: resourceTemplates.map((t) =>
        compact({
          uriTemplate: t.uriTemplate,
          name: t.name,
          title: t.title,
          description: t.description,
          mimeType: t.mimeType,
        }),
      ),
      prompts: prompts.map((p) =>
        compact({
          name: p.name,
          title: p.title,
          description: p.description,
          arguments: p.arguments?.map((a) =>
            compact({ name: a.name, description: a.description, required: a.required }),
          ),
        }),
      ),
      truncated,
    };
  } catch (error) {
    throw connection.toError(error);
  } finally {
    await connection.close();
  }
}

async function listAll<T>(
  list: ServerInspection["truncated"][number],
  truncated: ServerInspection["truncated"],
  page: (cursor: string | undefined) => Promise<{ items: T[]; next?: string }>,
): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const result = await page(cursor);
    items.push(...result.items);
    // A repeated cursor would loop forever; treat it as the end.
    if (!result.next || seen.has(result.next)) return items;
    seen.add(result.next);
    cursor = result.next;
  }
  truncated.push(list);
  return items;
}

/** Drops undefined fields so the inspection serialises the same way it reads (JSON columns, API answers). */
function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
