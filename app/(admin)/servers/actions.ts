"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/actions/authorized-action";
import { checkServerHealth } from "@/lib/health/check-server-health";
import { createServer } from "@/lib/servers/create-server";
import { deleteServer } from "@/lib/servers/delete-server";
import { inspectDraftServer } from "@/lib/servers/inspect-draft-server";
import { refreshServerTools } from "@/lib/servers/refresh-server-tools";
import { setServerEnabled } from "@/lib/servers/set-server-enabled";
import { testServerConnection } from "@/lib/servers/test-server-connection";
import { updateServer } from "@/lib/servers/update-server";

// The domain functions validate their own input with the registry's schemas; here the shape is only checked
// loosely so that field-level messages come from one place.
const anyObject = z.record(z.string(), z.unknown());
const serverId = z.object({ serverId: z.string().min(1) });

export const createServerAction = authorizedAction(
  "operator",
  z.object({ input: anyObject, fetchTools: z.boolean() }),
  async ({ input, fetchTools }, { actor, ip }) => {
    const server = await createServer({ actor, input: input as never, fetchTools, ip });
    revalidatePath("/servers");
    return { id: server.id };
  },
);

export const updateServerAction = authorizedAction(
  "operator",
  z.object({ serverId: z.string().min(1), input: anyObject }),
  async ({ serverId, input }, { actor, ip }) => {
    const server = await updateServer({ actor, serverId, input: input as never, ip });
    revalidatePath("/servers");
    revalidatePath(`/servers/${server.id}`);
    return { id: server.id };
  },
);

export const inspectDraftServerAction = authorizedAction(
  "operator",
  z.object({ serverId: z.string().min(1).optional(), input: anyObject }),
  async ({ serverId, input }, { actor }) =>
    serverId
      ? inspectDraftServer({ actor, serverId, input: input as never })
      : inspectDraftServer({ actor, input: input as never }),
);

export const testServerConnectionAction = authorizedAction(
  "operator",
  serverId,
  async ({ serverId }, { actor, ip }) => {
    const inspection = await testServerConnection({ actor, serverId, ip });
    revalidatePath(`/servers/${serverId}`);
    return inspection;
  },
);

export const refreshServerToolsAction = authorizedAction(
  "operator",
  serverId,
  async ({ serverId }, { actor, ip }) => {
    const result = await refreshServerTools({ actor, serverId, ip });
    revalidatePath(`/servers/${serverId}`);
    return result.tools;
  },
);

export const checkServerHealthAction = authorizedAction(
  "operator",
  serverId,
  async ({ serverId }, { actor, ip }) => {
    const outcomes = await checkServerHealth({ actor, serverId, ip });
    revalidatePath("/servers");
    revalidatePath(`/servers/${serverId}`);
    return outcomes.map(({ replica, status, latencyMs, error }) => ({ replica, status, latencyMs, error }));
  },
);

export const setServerEnabledAction = authorizedAction(
  "operator",
  z.object({ serverId: z.string().min(1), enabled: z.boolean() }),
  async ({ serverId, enabled }, { actor, ip }) => {
    await setServerEnabled({ actor, serverId, enabled, ip });
    revalidatePath("/servers");
    revalidatePath(`/servers/${serverId}`);
    return null;
  },
);

export const deleteServerAction = authorizedAction(
  "operator",
  serverId,
  async ({ serverId }, { actor, ip }) => {
    const deleted = await deleteServer({ actor, serverId, ip });
    revalidatePath("/servers");
    return deleted;
  },
);
