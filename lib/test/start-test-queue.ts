import { createQueue, type Queue } from "@/lib/queue/create-queue";
import { installQueue } from "@/lib/queue/get-queue";

/**
 * A supervising queue on the test database (in this file's own schema, see setup-test-file.ts), installed as the
 * process's queue so what the code under test sends lands where the test's consumers fetch. The setup file stops it.
 */
export async function startTestQueue(options: { maintenanceSeconds?: number } = {}): Promise<Queue> {
  const queue = await createQueue({
    databaseUrl: process.env.DATABASE_URL as string,
    supervise: true,
    maintenanceSeconds: options.maintenanceSeconds ?? 60,
    max: 8,
  });
  installQueue(queue);
  return queue;
}
