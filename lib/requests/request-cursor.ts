import { AppError } from "@/lib/errors/app-error";

/** Where a page ended: the last row's (createdAt, id), the order of the history. */
export type RequestCursor = { createdAt: Date; id: string };

export function encodeRequestCursor(row: RequestCursor): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString("base64url");
}

/** A cursor from a URL; anything else than what encodeRequestCursor made is a 400, not a crash. */
export function decodeRequestCursor(cursor: string): RequestCursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    const createdAt = new Date(String(at));
    if (typeof id !== "string" || id.length > 100 || Number.isNaN(createdAt.getTime()))
      throw new Error("bad");
    return { createdAt, id };
  } catch {
    throw new AppError("bad_request", "That page link is not valid; start from the first page.");
  }
}
