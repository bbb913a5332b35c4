-- CreateIndex
CREATE INDEX "RequestLog_serverSlug_createdAt_idx" ON "RequestLog"("serverSlug", "createdAt");

-- CreateIndex
CREATE INDEX "RequestLog_errorCode_createdAt_idx" ON "RequestLog"("errorCode", "createdAt");
