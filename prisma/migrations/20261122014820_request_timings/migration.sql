-- AlterTable
ALTER TABLE "RequestLog" ADD COLUMN     "timings" JSONB;
