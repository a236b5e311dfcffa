-- CreateEnum
CREATE TYPE "MeetingMode" AS ENUM ('IN_PERSON', 'VIDEO');

-- CreateEnum
CREATE TYPE "SlotStatus" AS ENUM ('OPEN', 'PROPOSED', 'TAKEN', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "MeetingLinkPurpose" AS ENUM ('CHOOSE', 'RESPOND');

-- AlterTable
ALTER TABLE "meeting_request" ADD COLUMN     "confirmed_at" TIMESTAMP(3),
ADD COLUMN     "isva_id" UUID,
ADD COLUMN     "offered_at" TIMESTAMP(3),
ADD COLUMN     "outcome" TEXT,
ADD COLUMN     "rearrange_asked_at" TIMESTAMP(3),
ADD COLUMN     "requested_by_id" UUID;

-- AlterTable
ALTER TABLE "meeting" ADD COLUMN     "area_id" TEXT,
ADD COLUMN     "change_reason" TEXT,
ADD COLUMN     "mode" "MeetingMode" NOT NULL DEFAULT 'IN_PERSON',
ADD COLUMN     "slot_id" UUID,
ADD COLUMN     "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- Meetings already booked take their request's Area.
UPDATE "meeting" m SET "area_id" = r."area_id" FROM "meeting_request" r WHERE r."id" = m."request_id";
ALTER TABLE "meeting" ALTER COLUMN "area_id" SET NOT NULL;

-- CreateTable
CREATE TABLE "meeting_slot" (
    "id" UUID NOT NULL,
    "area_id" TEXT NOT NULL,
    "vlo_id" UUID NOT NULL,
    "starts_at" TIMESTAMP(3) NOT NULL,
    "ends_at" TIMESTAMP(3) NOT NULL,
    "buffer_minutes" INTEGER NOT NULL DEFAULT 15,
    "blocked_from" TIMESTAMP(3) NOT NULL,
    "blocked_to" TIMESTAMP(3) NOT NULL,
    "mode" "MeetingMode" NOT NULL,
    "location" TEXT,
    "status" "SlotStatus" NOT NULL DEFAULT 'OPEN',
    "request_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "meeting_slot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_link" (
    "id" TEXT NOT NULL,
    "request_id" UUID NOT NULL,
    "purpose" "MeetingLinkPurpose" NOT NULL,
    "audience" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "used_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "meeting_link_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "meeting_slot_area_id_status_starts_at_idx" ON "meeting_slot"("area_id", "status", "starts_at");

-- CreateIndex
CREATE INDEX "meeting_slot_request_id_idx" ON "meeting_slot"("request_id");

-- CreateIndex
CREATE INDEX "meeting_link_request_id_idx" ON "meeting_link"("request_id");

-- CreateIndex
CREATE INDEX "meeting_request_id_idx" ON "meeting"("request_id");

-- AddForeignKey
ALTER TABLE "meeting_slot" ADD CONSTRAINT "meeting_slot_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "meeting_request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_link" ADD CONSTRAINT "meeting_link_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "meeting_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Raw SQL. Rooms are named within an Area ("Room 2" in two Areas is two rooms),
-- so the room rule now compares the Area as well.
ALTER TABLE "meeting" DROP CONSTRAINT "x_meeting_room_no_overlap";
ALTER TABLE "meeting" ADD CONSTRAINT "x_meeting_room_no_overlap"
  EXCLUDE USING gist ("area_id" WITH =, "room" WITH =, tsrange("blocked_from", "blocked_to") WITH &&) WHERE ("status" = 'BOOKED' AND "room" IS NOT NULL);
-- A VLO cannot publish two slots that overlap (buffers included) while both are open or proposed.
ALTER TABLE "meeting_slot" ADD CONSTRAINT "x_slot_vlo_no_overlap"
  EXCLUDE USING gist ("vlo_id" WITH =, tsrange("blocked_from", "blocked_to") WITH &&) WHERE ("status" IN ('OPEN', 'PROPOSED'));
ALTER TABLE "meeting_slot" ADD CONSTRAINT "x_slot_times_in_order" CHECK ("blocked_from" <= "starts_at" AND "starts_at" < "ends_at" AND "ends_at" <= "blocked_to");
ALTER TABLE "meeting_link" ADD CONSTRAINT "x_link_audience" CHECK ("audience" IN ('VICTIM', 'ISVA'));
-- A request has at most one booked meeting, however bookings race.
CREATE UNIQUE INDEX "x_meeting_one_booked_per_request" ON "meeting" ("request_id") WHERE ("status" = 'BOOKED');
