-- CreateEnum
CREATE TYPE "QueryCategory" AS ENUM ('CASE_PROGRESS', 'CHARGING_DECISION', 'SPECIAL_MEASURES', 'PRE_TRIAL_MEETING', 'TRIAL_DATE', 'DISCLOSURE', 'VICTIM_WISHES', 'OTHER');

-- CreateEnum
CREATE TYPE "QueryStatus" AS ENUM ('NEW', 'IN_PROGRESS', 'ANSWERED', 'CLOSED');

-- AlterTable
ALTER TABLE "area" ADD COLUMN     "full_content_email" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "response_days" INTEGER NOT NULL DEFAULT 5;

-- CreateTable
CREATE TABLE "isva_query" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "urn" TEXT,
    "force_id" TEXT NOT NULL,
    "borough_id" TEXT,
    "area_id" TEXT NOT NULL,
    "routing_reason" JSONB NOT NULL,
    "category" "QueryCategory" NOT NULL,
    "status" "QueryStatus" NOT NULL DEFAULT 'NEW',
    "isva_id" UUID NOT NULL,
    "organisation" TEXT NOT NULL,
    "assignee_id" UUID,
    "due_on" DATE NOT NULL,
    "first_reply_at" TIMESTAMP(3),
    "closed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "isva_query_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "query_message" (
    "id" UUID NOT NULL,
    "query_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "from_staff" BOOLEAN NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "query_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "query_stat" (
    "id" BIGSERIAL NOT NULL,
    "area_id" TEXT NOT NULL,
    "category" "QueryCategory" NOT NULL,
    "received_on" DATE NOT NULL,
    "first_reply_minutes" INTEGER,
    "answered_in_time" BOOLEAN NOT NULL,

    CONSTRAINT "query_stat_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "isva_query_reference_key" ON "isva_query"("reference");

-- CreateIndex
CREATE INDEX "isva_query_area_id_status_idx" ON "isva_query"("area_id", "status");

-- CreateIndex
CREATE INDEX "isva_query_isva_id_idx" ON "isva_query"("isva_id");

-- CreateIndex
CREATE INDEX "isva_query_closed_at_idx" ON "isva_query"("closed_at");

-- CreateIndex
CREATE INDEX "query_message_query_id_idx" ON "query_message"("query_id");

-- CreateIndex
CREATE INDEX "query_stat_area_id_received_on_idx" ON "query_stat"("area_id", "received_on");

-- AddForeignKey
ALTER TABLE "isva_query" ADD CONSTRAINT "isva_query_area_id_fkey" FOREIGN KEY ("area_id") REFERENCES "area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "isva_query" ADD CONSTRAINT "isva_query_isva_id_fkey" FOREIGN KEY ("isva_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "isva_query" ADD CONSTRAINT "isva_query_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "query_message" ADD CONSTRAINT "query_message_query_id_fkey" FOREIGN KEY ("query_id") REFERENCES "isva_query"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "query_message" ADD CONSTRAINT "query_message_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

