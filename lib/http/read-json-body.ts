import { AppError } from "@/lib/errors/app-error";
import { readLimitedBody } from "@/lib/http/read-limited-body";

/** A JSON request body, at most `maxBytes` (413 beyond), or AppError bad_request when it does not parse. The shape is
 * the caller's to check (with zod): this only turns bytes into a value. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const text = new TextDecoder().decode(await readLimitedBody(request, maxBytes));
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON.");
  }
}
