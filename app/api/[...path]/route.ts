import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/http/error-response";

// Any /api path without a route of its own answers in the JSON error envelope, not with the HTML 404 page, so API
// clients always get something they can parse.
function notFound(req: Request): Response {
  const { pathname } = new URL(req.url);
  return errorResponse(new AppError("not_found", `No API route at ${req.method} ${pathname}.`));
}

export { notFound as DELETE, notFound as GET, notFound as PATCH, notFound as POST, notFound as PUT };
