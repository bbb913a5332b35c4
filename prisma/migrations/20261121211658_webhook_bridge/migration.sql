-- CreateEnum
CREATE TYPE "IntegrationKind" AS ENUM ('github', 'standard-webhooks', 'respondio', 'builderio', 'generic');

-- CreateEnum
CREATE TYPE "IntegrationMode" AS ENUM ('sync', 'async');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('received', 'processing', 'retrying', 'succeeded', 'failed', 'dead', 'unrouted', 'rejected');

-- AlterTable
ALTER TABLE "Tool" ADD COLUMN     "cacheTtlSeconds" INTEGER,
ADD COLUMN     "retryOverride" TEXT;

-- CreateTable
CREATE TABLE "Integration" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "IntegrationKind" NOT NULL,
    "mode" "IntegrationMode" NOT NULL DEFAULT 'async',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "secretsEncrypted" TEXT NOT NULL,
    "verifyConfig" JSONB NOT NULL DEFAULT '{}',
    "syncDeadlineMs" INTEGER NOT NULL DEFAULT 8000,
    "retrySchedule" INTEGER[] DEFAULT ARRAY[0, 5, 30, 120, 600, 1800]::INTEGER[],
    "replyConfig" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Integration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntegrationRoute" (
    "id" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "isFallback" BOOLEAN NOT NULL DEFAULT false,
    "match" JSONB NOT NULL DEFAULT '{}',
    "actionType" TEXT NOT NULL DEFAULT 'call_tool',
    "serverId" TEXT,
    "toolName" TEXT,
    "argumentsMapping" TEXT,
    "fallbackServerId" TEXT,
    "jobConfig" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IntegrationRoute_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delivery" (
    "id" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "deliveryKey" TEXT NOT NULL,
    "eventType" TEXT,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'received',
    "headers" JSONB NOT NULL,
    "body" TEXT NOT NULL,
    "bodyBytes" INTEGER NOT NULL,
    "sourceIp" TEXT,
    "requestId" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "lockedUntil" TIMESTAMP(3),
    "lockedBy" TEXT,
    "routeId" TEXT,
    "result" JSONB,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "replayOfId" TEXT,

    CONSTRAINT "Delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestLog" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "integrationId" TEXT,
    "deliveryId" TEXT,
    "routeId" TEXT,
    "serverId" TEXT,
    "serverSlug" TEXT,
    "tool" TEXT,
    "apiKeyId" TEXT,
    "status" TEXT NOT NULL,
    "errorCode" TEXT,
    "latencyMs" INTEGER NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "cached" BOOLEAN NOT NULL DEFAULT false,
    "requestBody" TEXT,
    "responseBody" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Integration_slug_key" ON "Integration"("slug");

-- CreateIndex
CREATE INDEX "IntegrationRoute_integrationId_position_idx" ON "IntegrationRoute"("integrationId", "position");

-- CreateIndex
CREATE INDEX "Delivery_status_nextAttemptAt_idx" ON "Delivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Delivery_integrationId_receivedAt_idx" ON "Delivery"("integrationId", "receivedAt");

-- CreateIndex
CREATE INDEX "Delivery_receivedAt_idx" ON "Delivery"("receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_integrationId_deliveryKey_key" ON "Delivery"("integrationId", "deliveryKey");

-- CreateIndex
CREATE INDEX "RequestLog_createdAt_idx" ON "RequestLog"("createdAt");

-- CreateIndex
CREATE INDEX "RequestLog_integrationId_createdAt_idx" ON "RequestLog"("integrationId", "createdAt");

-- CreateIndex
CREATE INDEX "RequestLog_serverId_createdAt_idx" ON "RequestLog"("serverId", "createdAt");

-- CreateIndex
CREATE INDEX "RequestLog_deliveryId_idx" ON "RequestLog"("deliveryId");

-- AddForeignKey
ALTER TABLE "IntegrationRoute" ADD CONSTRAINT "IntegrationRoute_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegrationRoute" ADD CONSTRAINT "IntegrationRoute_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "Server"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegrationRoute" ADD CONSTRAINT "IntegrationRoute_fallbackServerId_fkey" FOREIGN KEY ("fallbackServerId") REFERENCES "Server"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
