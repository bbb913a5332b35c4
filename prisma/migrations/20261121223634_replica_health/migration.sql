-- CreateEnum
CREATE TYPE "ReplicaHealth" AS ENUM ('unknown', 'healthy', 'unreachable', 'unauthorized', 'error');

-- AlterTable
ALTER TABLE "Server" ADD COLUMN     "toolsRefreshedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ServerEndpoint" ADD COLUMN     "healthChangedAt" TIMESTAMP(3),
ADD COLUMN     "healthCheckedAt" TIMESTAMP(3),
ADD COLUMN     "healthError" TEXT,
ADD COLUMN     "healthLatencyMs" INTEGER,
ADD COLUMN     "healthStatus" "ReplicaHealth" NOT NULL DEFAULT 'unknown';
