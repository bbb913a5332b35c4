-- CreateEnum
CREATE TYPE "ContainerHealState" AS ENUM ('idle', 'scheduled', 'exhausted', 'stopped_by_operator');

-- CreateEnum
CREATE TYPE "ContainerEventSource" AS ENUM ('engine', 'healer', 'operator');

-- CreateTable
CREATE TABLE "Container" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "image" TEXT NOT NULL,
    "labels" JSONB NOT NULL DEFAULT '{}',
    "state" TEXT NOT NULL,
    "health" TEXT,
    "exitCode" INTEGER,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "healEnabled" BOOLEAN NOT NULL DEFAULT false,
    "serverSlug" TEXT,
    "healState" "ContainerHealState" NOT NULL DEFAULT 'idle',
    "healReason" TEXT,
    "nextHealAt" TIMESTAMP(3),
    "healLockedUntil" TIMESTAMP(3),
    "healLockedBy" TEXT,
    "restartCount" INTEGER NOT NULL DEFAULT 0,
    "lastHealAt" TIMESTAMP(3),
    "healthcheckIntervalMs" INTEGER,
    "removedAt" TIMESTAMP(3),
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Container_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContainerEvent" (
    "id" TEXT NOT NULL,
    "containerId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source" "ContainerEventSource" NOT NULL,
    "kind" TEXT NOT NULL,
    "level" TEXT NOT NULL DEFAULT 'info',
    "message" TEXT,
    "exitCode" INTEGER,
    "details" JSONB,

    CONSTRAINT "ContainerEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContainerWatcher" (
    "id" TEXT NOT NULL,
    "holder" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "connected" BOOLEAN NOT NULL DEFAULT false,
    "engine" TEXT,
    "dockerHost" TEXT,
    "lastEventNano" TEXT,
    "lastError" TEXT,
    "connectedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContainerWatcher_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Container_healState_nextHealAt_idx" ON "Container"("healState", "nextHealAt");

-- CreateIndex
CREATE INDEX "Container_serverSlug_idx" ON "Container"("serverSlug");

-- CreateIndex
CREATE INDEX "ContainerEvent_containerId_at_idx" ON "ContainerEvent"("containerId", "at");

-- CreateIndex
CREATE INDEX "ContainerEvent_kind_at_idx" ON "ContainerEvent"("kind", "at");

-- AddForeignKey
ALTER TABLE "ContainerEvent" ADD CONSTRAINT "ContainerEvent_containerId_fkey" FOREIGN KEY ("containerId") REFERENCES "Container"("id") ON DELETE CASCADE ON UPDATE CASCADE;
