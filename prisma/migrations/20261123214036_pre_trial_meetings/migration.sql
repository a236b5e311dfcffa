-- CreateEnum
CREATE TYPE "MeetingRequestStatus" AS ENUM ('NEW', 'OFFERED', 'BOOKED', 'HELD', 'DECLINED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('BOOKED', 'CANCELLED');

-- CreateTable
CREATE TABLE "meeting_request" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "area_id" TEXT NOT NULL,
    "requested_by" TEXT NOT NULL,
    "status" "MeetingRequestStatus" NOT NULL DEFAULT 'NEW',
    "contact" TEXT NOT NULL,
    "safe_email" BOOLEAN NOT NULL,
    "safe_phone" BOOLEAN NOT NULL,
    "safe_voicemail" BOOLEAN NOT NULL,
    "safe_text" BOOLEAN NOT NULL,
    "only_via_isva" BOOLEAN NOT NULL,
    "needs" TEXT NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'en',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "meeting_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "vlo_id" UUID NOT NULL,
    "room" TEXT,
    "starts_at" TIMESTAMP(3) NOT NULL,
    "ends_at" TIMESTAMP(3) NOT NULL,
    "blocked_from" TIMESTAMP(3) NOT NULL,
    "blocked_to" TIMESTAMP(3) NOT NULL,
    "status" "MeetingStatus" NOT NULL DEFAULT 'BOOKED',
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "meeting_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "meeting_request_reference_key" ON "meeting_request"("reference");

-- CreateIndex
CREATE INDEX "meeting_request_area_id_status_idx" ON "meeting_request"("area_id", "status");

-- CreateIndex
CREATE INDEX "meeting_vlo_id_idx" ON "meeting"("vlo_id");

-- AddForeignKey
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "meeting_request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- Raw SQL (times are stored in UTC without a zone, hence tsrange): no double booking is possible, not merely unlikely. A booked
-- meeting's blocked time (buffers included) may not overlap another booked
-- meeting's for the same VLO, or for the same room.
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE "meeting" ADD CONSTRAINT "x_meeting_vlo_no_overlap"
  EXCLUDE USING gist ("vlo_id" WITH =, tsrange("blocked_from", "blocked_to") WITH &&) WHERE ("status" = 'BOOKED');
ALTER TABLE "meeting" ADD CONSTRAINT "x_meeting_room_no_overlap"
  EXCLUDE USING gist ("room" WITH =, tsrange("blocked_from", "blocked_to") WITH &&) WHERE ("status" = 'BOOKED' AND "room" IS NOT NULL);
ALTER TABLE "meeting" ADD CONSTRAINT "x_meeting_times_in_order" CHECK ("blocked_from" <= "starts_at" AND "starts_at" < "ends_at" AND "ends_at" <= "blocked_to");
