import { randomUUID } from "node:crypto";
import { afterAll } from "vitest";
import { stopQueue } from "@/lib/queue/get-queue";
import { TEST_QUEUE_SCHEMA_PREFIX } from "./test-queue-schemas";

// Runs before each test file, in that file's own process. Test files share one database but each gets its own queue
// schema: a file's workers then take only that file's deliveries, checks and jobs (and worker processes a file
// spawns inherit the schema with the environment). Global teardown drops these schemas.
process.env.ORBIT_QUEUE_SCHEMA = `${TEST_QUEUE_SCHEMA_PREFIX}${randomUUID().replaceAll("-", "").slice(0, 12)}`;

afterAll(async () => {
  await stopQueue();
});
