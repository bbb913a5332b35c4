-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "allowedTools" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "deniedTools" TEXT[] DEFAULT ARRAY[]::TEXT[];
