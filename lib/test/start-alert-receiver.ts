import { createServer } from "node:http";

export type AlertReceiver = {
  url: string;
  /** Every JSON body posted so far, in order. */
  received: unknown[];
  close(): Promise<void>;
};

/** A local HTTP endpoint that takes alert webhooks (any POST, JSON body) and answers 204. */
export async function startAlertReceiver(): Promise<AlertReceiver> {
  const received: unknown[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on("end", () => {
      try {
        received.push(JSON.parse(body));
      } catch {
        received.push(body);
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/hooks/orbit-alerts?token=secret`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
