// Booking pre-trial meetings and publishing the times VLOs can offer. Overlaps
// are refused by the database itself (exclusion constraints over a VLO's, and
// a room's, blocked time, and over a VLO's open slots), so two people booking
// at once on two instances cannot both succeed.
import { Prisma, type MeetingMode } from "~/generated/prisma/client.ts";
import type { Db } from "~/utils/db.server.ts";
import { DEFAULT_BUFFER_MINUTES } from "./schema.ts";

type Tx = Prisma.TransactionClient;

export type BookingInput = {
  requestId: string;
  areaId: string;
  vloId: string;
  mode?: MeetingMode;
  room?: string | null;
  startsAt: Date;
  endsAt: Date;
  /** Minutes kept free before and after, for travel, notes or a breather. */
  bufferMinutes?: number;
  slotId?: string;
};

export type BookingResult = { ok: true; meetingId: string } | { ok: false; reason: "overlap" | "invalid" | "booked" };

/** The statuses from which a request may be booked or offered times. */
export const OPEN_STATUSES = ["NEW", "OFFERED", "CANCELLED"] as const;

/** The request was booked, held or declined meanwhile. */
export class RequestClosed extends Error {}

const MINUTE = 60_000;

function blocked(startsAt: Date, endsAt: Date, bufferMinutes = DEFAULT_BUFFER_MINUTES) {
  const buffer = Math.max(0, Math.min(120, bufferMinutes)) * MINUTE;
  return { blockedFrom: new Date(startsAt.getTime() - buffer), blockedTo: new Date(endsAt.getTime() + buffer) };
}

/**
 * Books a meeting and marks its request booked; `then` runs in the same
 * transaction (the e-mails the booking causes), so all of it happens or none.
 */
export async function bookMeeting(db: Db, input: BookingInput, then?: (tx: Tx, meetingId: string) => Promise<void>): Promise<BookingResult> {
  if (!(input.startsAt < input.endsAt)) return { ok: false, reason: "invalid" };
  return refusingOverlaps(async () => {
    const meeting = await db.$transaction(async (tx) => {
      const created = await tx.meeting.create({
        data: {
          requestId: input.requestId,
          areaId: input.areaId,
          vloId: input.vloId,
          mode: input.mode ?? "IN_PERSON",
          room: input.mode === "VIDEO" ? null : input.room?.trim() || null,
          slotId: input.slotId ?? null,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          ...blocked(input.startsAt, input.endsAt, input.bufferMinutes),
        },
      });
      const moved = await tx.meetingRequest.updateMany({ where: { id: input.requestId, status: { in: [...OPEN_STATUSES] } }, data: { status: "BOOKED" } });
      if (moved.count !== 1) throw new RequestClosed();
      await tx.meetingRequest.updateMany({ where: { id: input.requestId, offeredAt: null }, data: { offeredAt: new Date() } });
      await then?.(tx, created.id);
      return created;
    });
    return { ok: true as const, meetingId: meeting.id };
  }).catch((error: unknown) => {
    // P2002: a unique violation, which for a new meeting can only be the one-booked-meeting-per-request index.
    const twice = (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") || /x_meeting_one_booked_per_request/.test(String((error as Error)?.message ?? ""));
    if (error instanceof RequestClosed || twice) return { ok: false as const, reason: "booked" as const };
    throw error;
  });
}

/** Moves a booked meeting to a new time (raising its SEQUENCE); `then` runs in the same transaction. */
export async function moveMeeting(
  db: Db,
  meetingId: string,
  change: { startsAt: Date; endsAt: Date; room?: string | null; reason: string },
  then?: (tx: Tx) => Promise<void>,
): Promise<{ ok: true } | { ok: false; reason: "overlap" | "invalid" }> {
  if (!(change.startsAt < change.endsAt)) return { ok: false, reason: "invalid" };
  return refusingOverlaps(async () => {
    await db.$transaction(async (tx) => {
      const current = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId } });
      const buffer = (current.startsAt.getTime() - current.blockedFrom.getTime()) / MINUTE;
      await tx.meeting.update({
        where: { id: meetingId, status: "BOOKED" },
        data: {
          startsAt: change.startsAt,
          endsAt: change.endsAt,
          ...blocked(change.startsAt, change.endsAt, buffer),
          room: current.mode === "VIDEO" ? null : change.room === undefined ? current.room : change.room?.trim() || null,
          changeReason: change.reason,
          sequence: { increment: 1 },
        },
      });
      await tx.meetingRequest.update({ where: { id: current.requestId }, data: { confirmedAt: null, rearrangeAskedAt: null } });
      await then?.(tx);
    });
    return { ok: true as const };
  });
}

/** Cancelling frees the time at once (the constraint only counts booked meetings). */
export async function cancelMeeting(db: Db | Tx, meetingId: string, reason = "") {
  await db.meeting.update({ where: { id: meetingId }, data: { status: "CANCELLED", changeReason: reason || null, sequence: { increment: 1 } } });
}

export type SlotInput = { areaId: string; vloId: string; startsAt: Date; endsAt: Date; bufferMinutes: number; mode: MeetingMode; location?: string | null };

/** Publishes a time a VLO can offer; refused when it overlaps another of their open or proposed slots. */
export async function publishSlot(db: Db, input: SlotInput): Promise<{ ok: true; slotId: string } | { ok: false; reason: "overlap" | "invalid" }> {
  if (!(input.startsAt < input.endsAt)) return { ok: false, reason: "invalid" };
  return refusingOverlaps(async () => {
    const slot = await db.meetingSlot.create({
      data: {
        areaId: input.areaId,
        vloId: input.vloId,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        bufferMinutes: input.bufferMinutes,
        ...blocked(input.startsAt, input.endsAt, input.bufferMinutes),
        mode: input.mode,
        location: input.mode === "VIDEO" ? null : input.location?.trim() || null,
      },
    });
    return { ok: true as const, slotId: slot.id };
  });
}

/** Runs `work`, turning PostgreSQL's exclusion_violation into a refusal. */
async function refusingOverlaps<T>(work: () => Promise<T>): Promise<T | { ok: false; reason: "overlap" }> {
  try {
    return await work();
  } catch (error) {
    if (isExclusionViolation(error)) return { ok: false, reason: "overlap" };
    throw error;
  }
}

/** PostgreSQL's exclusion_violation (23P01), however the driver adapter reports it. */
function isExclusionViolation(error: unknown): boolean {
  const pattern = /23P01|exclusion constraint|x_meeting_(vlo|room)_no_overlap|x_slot_vlo_no_overlap/;
  if (error instanceof Prisma.PrismaClientKnownRequestError || error instanceof Prisma.PrismaClientUnknownRequestError) {
    return pattern.test(`${error.message} ${JSON.stringify((error as { meta?: unknown }).meta ?? {})}`);
  }
  return pattern.test(String((error as Error)?.message ?? error));
}

/** A VLO's slots from now on, and those proposed or taken. */
export function listSlots(db: Db, vloId: string, now = new Date()) {
  return db.meetingSlot.findMany({
    where: { vloId, status: { in: ["OPEN", "PROPOSED", "TAKEN"] }, endsAt: { gt: now } },
    orderBy: { startsAt: "asc" },
    include: { request: { select: { reference: true } } },
    take: 200,
  });
}

/** Withdraws an open slot of the VLO's own; false when it is not theirs or no longer open. */
export async function withdrawSlot(db: Db, vloId: string, slotId: string) {
  const withdrawn = await db.meetingSlot.updateMany({ where: { id: slotId, vloId, status: "OPEN" }, data: { status: "WITHDRAWN" } });
  return withdrawn.count === 1;
}
