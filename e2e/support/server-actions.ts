import type { Page, Request } from "@playwright/test";

/**
 * A Next.js server action call as the browser made it. Server actions are public HTTP endpoints (a POST to the
 * page with a `Next-Action` id header), so anyone who has seen the id can call one directly; these helpers let a
 * spec do exactly that and check that authorization holds without the UI's help.
 */
export type RecordedAction = { id: string; url: string; headers: Record<string, string>; args: unknown[] };

const isActionCall = (request: Request) =>
  request.method() === "POST" && Boolean(request.headers()["next-action"]);

/** Runs `trigger` (a click) and records the server action call it makes. */
export async function recordServerAction(
  page: Page,
  trigger: () => Promise<unknown>,
): Promise<RecordedAction> {
  const [request] = await Promise.all([page.waitForRequest(isActionCall), trigger()]);
  const headers = request.headers();
  const body = request.postData() ?? "";
  let args: unknown;
  try {
    args = JSON.parse(body);
  } catch {
    throw new Error(`expected a JSON-encoded server action body, got: ${body.slice(0, 200)}`);
  }
  if (!Array.isArray(args)) throw new Error(`expected an argument list, got: ${body.slice(0, 200)}`);
  return { id: headers["next-action"]!, url: request.url(), headers, args };
}

export type ActionResult = { ok: boolean; error?: { code: string; message: string }; data?: unknown };

/**
 * Calls a recorded action again with other arguments, with `fetch` inside `page`: the request carries that page's
 * origin and that user's session cookie, as a hand-crafted call from their browser would.
 */
export async function replayServerAction(
  page: Page,
  action: RecordedAction,
  args: unknown[],
): Promise<{ status: number; result: ActionResult }> {
  const pass = ["next-action", "next-router-state-tree", "content-type", "accept"];
  const headers = Object.fromEntries(Object.entries(action.headers).filter(([name]) => pass.includes(name)));
  const { status, text } = await page.evaluate(
    async ({ url, headers, body }) => {
      const response = await fetch(url, { method: "POST", headers, body });
      return { status: response.status, text: await response.text() };
    },
    { url: action.url, headers, body: JSON.stringify(args) },
  );
  return { status, result: readActionResult(text) };
}

/** The action's return value out of the React Server Components answer (lines of `<id>:<json>`). */
function readActionResult(payload: string): ActionResult {
  for (const line of payload.split("\n")) {
    const json = line.slice(line.indexOf(":") + 1);
    if (!json.startsWith("{")) continue;
    try {
      const value = JSON.parse(json) as Record<string, unknown>;
      if (typeof value.ok === "boolean") return value as ActionResult;
    } catch {
      // Not this line.
    }
  }
  throw new Error(`no action result in the answer:\n${payload.slice(0, 1000)}`);
}
