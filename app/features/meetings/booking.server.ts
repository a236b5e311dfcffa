// Booking pre-trial meetings. Overlaps are refused by the database itself (an
// exclusion constraint over the VLO's, and the room's, blocked time), so two
// VLOs booking at once on two instances cannot both succeed.
import { Prisma } from "~/generated/prisma/client.ts";
import type { Db } from "~/utils/db.server.ts";

export type BookingInput = {
  requestId: string;
  vloId: string;
  room?: string | null;
  startsAt: Date;
  endsAt: Date;
  /** Minutes kept free before and after, for travel, notes or a breather. */
  bufferMinutes?: number;
};

export type BookingResult = { ok: true; meetingId: string } | { ok: false; reason: "overlap" | "invalid" };

const MINUTE = 60_000;

export async function bookMeeting(db: Db, input: BookingInput): Promise<BookingResult> {
  const buffer = Math.max(0, Math.min(120, input.bufferMinutes ?? 15)) * MINUTE;
  if (!(input.startsAt < input.endsAt)) return { ok: false, reason: "invalid" };
  try {
    const meeting = await db.$transaction(async (tx) => {
      const created = await tx.meeting.create({
        data: {
          requestId: input.requestId,
          vloId: input.vloId,
          room: input.room?.trim() || null,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          blockedFrom: new Date(input.startsAt.getTime() - buffer),
          blockedTo: new Date(input.endsAt.getTime() + buffer),
        },
      });
      await tx.meetingRequest.update({ where: { id: input.requestId }, data: { status: "BOOKED" } });
      return created;
    });
    return { ok: true, meetingId: meeting.id };
  } catch (error) {
    if (isExclusionViolation(error)) return { ok: false, reason: "overlap" };
    throw error;
  }
}

/** PostgreSQL's exclusion_violation (23P01), however the driver adapter reports it. */
function isExclusionViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError || error instanceof Prisma.PrismaClientUnknownRequestError) {
    return /23P01|exclusion constraint|x_meeting_(vlo|room)_no_overlap/.test(`${error.message} ${JSON.stringify((error as { meta?: unknown }).meta ?? {})}`);
  }
  return /23P01|x_meeting_(vlo|room)_no_overlap/.test(String((error as Error)?.message ?? error));
}

/** Cancelling frees the time at once (the constraint only counts booked meetings). */
export async function cancelMeeting(db: Db, meetingId: string) {
  await db.meeting.update({ where: { id: meetingId }, data: { status: "CANCELLED", sequence: { increment: 1 } } });
}
