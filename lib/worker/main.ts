import { prepareLocalEnvironment } from "@/lib/boot/prepare-local-environment";
import { getPrisma } from "@/lib/db/get-prisma";

// The worker process (`npm run worker`, or spawned by `npm start`). For now it only proves it can reach the
// database and stays up; the job queue, Docker healer, health checks and webhook retries land in a later issue.

const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);

async function main(): Promise<void> {
  // Under `npm start` the launcher passes DATABASE_URL; run alone, the worker joins the embedded database.
  const local = await prepareLocalEnvironment();
  const prisma = getPrisma();
  await prisma.$queryRaw`SELECT 1`;
  log(`worker started (pid ${process.pid})`);

  // Keeps the event loop alive until told to stop; real work replaces this.
  const idle = setInterval(() => {}, 60_000);
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, async () => {
      if (stopping) return;
      stopping = true;
      clearInterval(idle);
      await prisma.$disconnect();
      await local.stop();
      log("worker stopped");
      process.exit(0);
    });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
