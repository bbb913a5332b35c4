import { notFound } from "next/navigation";
import type { Actor } from "@/lib/auth/roles";
import { isAppError } from "@/lib/errors/app-error";
import { getServerOrThrow } from "./get-server-or-throw";
import type { ServerView } from "./to-server-view";

/** For pages: an unknown id renders the 404 page instead of an error. */
export async function getServerForPage(options: { actor: Actor; serverId: string }): Promise<ServerView> {
  try {
    return await getServerOrThrow(options);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}
