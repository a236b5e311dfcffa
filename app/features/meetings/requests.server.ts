// Pre-trial meeting requests: made by a victim on the public site, by an ISVA
// for someone they support, or recorded by a VLO from a phone call; stored
// (personal details encrypted) and routed to the Area by the same rules as ISVA
// queries; seen only by that Area's VLOs and staff; offered times or booked
// into a time the database keeps free of overlaps; and every message after
// that obeys the victim's safe-contact choices (messages.server.ts).
import crypto from "node:crypto";
import { audit } from "~/features/audit/audit.server.ts";
import { fieldCipher } from "~/features/crypto/cipher.server.ts";
import type { Lang } from "~/features/i18n/languages.ts";
import { mailLanguage, renderEmail } from "~/features/mail/emails.server.ts";
import { queueMail } from "~/features/mail/outbox.server.ts";
import type { Area, Meeting, MeetingRequest, Prisma, User } from "~/generated/prisma/client.ts";
import type { Db } from "~/utils/db.server.ts";
import { bookMeeting, cancelMeeting, moveMeeting, OPEN_STATUSES, RequestClosed } from "./booking.server.ts";
import { contactPlan } from "./contact.ts";
import { endLinks } from "./links.server.ts";
import { meetingWhen, queueMeetingNews, queueTimesOffered, type MeetingParty, type Notified } from "./messages.server.ts";
import type { MeetingRequestInput, OutcomeInput } from "./schema.ts";

const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const aad = (id: string) => `meeting-request:${id}`;
export const MAX_PROPOSED = 3;

export function newMeetingReference() {
  const chars = Array.from({ length: 8 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]);
  return `M-${chars.slice(0, 4).join("")}-${chars.slice(4).join("")}`;
}

export function isMeetingReference(value: unknown): value is string {
  return typeof value === "string" && /^M-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/.test(value);
}

/** How to reach the victim, and the police URN an ISVA or VLO gave to find the case by. */
export type Contact = { name: string; email?: string; phone?: string; times?: string; askFor?: string; isvaEmail?: string; urn?: string };
export type Needs = { format: string; access?: string; interpreter?: string; supporter: boolean; topics: string[] };
export type Outcome = { held: boolean; specialMeasures?: string; followUps?: string };

/** Who asked: the victim themself, an ISVA from their account, or a VLO recording a phone call. */
export type Requester = { kind: "VICTIM" } | { kind: "ISVA"; user: User } | { kind: "VLO"; user: User };

/** Stores a request, with the Area's notice (no details of the victim), in one transaction. */
export async function createMeetingRequest(db: Db, input: MeetingRequestInput, areaId: string, lang: Lang, origin: string, by: Requester = { kind: "VICTIM" }) {
  const id = crypto.randomUUID();
  const reference = newMeetingReference();
  const isvaEmail = input.isvaEmail ?? (by.kind === "ISVA" ? by.user.email : undefined);
  const urn = by.kind === "VICTIM" ? undefined : input.urn;
  const contact: Contact = { name: input.name, email: input.email, phone: input.phone, times: input.times, askFor: input.askFor, isvaEmail, urn };
  const needs: Needs = { format: input.format, access: input.access, interpreter: input.interpreter, supporter: input.supporter === "yes", topics: input.topics };
  const area = await db.area.findUniqueOrThrow({ where: { id: areaId } });
  const actor = by.kind === "VICTIM" ? undefined : by.user.id;
  await db.$transaction(async (tx) => {
    await tx.meetingRequest.create({
      data: {
        id,
        reference,
        areaId,
        requestedBy: by.kind,
        requestedById: actor ?? null,
        isvaId: by.kind === "ISVA" ? by.user.id : null,
        contact: fieldCipher().encrypt(JSON.stringify(contact), aad(id)),
        needs: fieldCipher().encrypt(JSON.stringify(needs), aad(id)),
        safeEmail: input.channels.includes("email"),
        safePhone: input.channels.includes("phone"),
        safeVoicemail: input.channels.includes("voicemail"),
        safeText: input.channels.includes("text"),
        onlyViaIsva: input.onlyViaIsva === "yes",
        language: lang,
      },
    });
    // The Area is told there is a request; nothing about the victim goes by e-mail.
    await queueMail(tx, {
      to: area.rassoMailbox,
      idempotencyKey: `meeting-request:${id}`,
      ...renderEmail("meeting-request-received", mailLanguage(null, area.id), { reference, area: area.nameEn, link: `${origin}/staff/meetings/${reference}` }, { area: area.nameCy }),
    });
    await audit(tx, { actorId: actor, action: "meeting.requested", targetType: "meeting_request", targetId: id, areaId, detail: { by: by.kind } });
  });
  return { reference, area: { en: area.nameEn, cy: area.nameCy, id: area.id } };
}

export function listAreaRequests(db: Db, staff: User) {
  if (!staff.areaId) return Promise.resolve([]);
  return db.meetingRequest.findMany({
    where: { areaId: staff.areaId },
    orderBy: { createdAt: "desc" },
    select: { reference: true, status: true, createdAt: true, requestedBy: true, rearrangeAskedAt: true },
    take: 500,
  });
}

/** The requests an ISVA made or is linked to: status only, no details. */
export function listIsvaRequests(db: Db, isva: User) {
  return db.meetingRequest.findMany({
    where: { isvaId: isva.id },
    orderBy: { createdAt: "desc" },
    select: { reference: true, status: true, createdAt: true, meetings: { where: { status: "BOOKED" }, select: { startsAt: true, mode: true, room: true } } },
    take: 500,
  });
}

type Loaded = MeetingRequest & { meetings: Meeting[]; isva: { email: string; language: string } | null };

function decrypt(request: Loaded) {
  const contact = JSON.parse(fieldCipher().decrypt(request.contact, aad(request.id))) as Contact;
  const party: MeetingParty = {
    id: request.id,
    reference: request.reference,
    language: request.language,
    contact,
    isvaAccountEmail: request.isva?.email ?? null,
    isvaAccountLanguage: request.isva?.language ?? null,
    safeEmail: request.safeEmail,
    safePhone: request.safePhone,
    safeVoicemail: request.safeVoicemail,
    safeText: request.safeText,
    onlyViaIsva: request.onlyViaIsva,
  };
  return {
    ...request,
    contact,
    needs: JSON.parse(fieldCipher().decrypt(request.needs, aad(request.id))) as Needs,
    outcome: request.outcome ? (JSON.parse(fieldCipher().decrypt(request.outcome, aad(request.id))) as Outcome) : null,
    plan: contactPlan(request),
    party,
  };
}

async function load(db: Db | Prisma.TransactionClient, where: Prisma.MeetingRequestWhereInput) {
  const request = await db.meetingRequest.findFirst({ where, include: { meetings: { where: { status: "BOOKED" }, orderBy: { startsAt: "asc" } } } });
  if (!request) return null;
  const isva = request.isvaId ? await db.user.findUnique({ where: { id: request.isvaId }, select: { email: true, language: true } }) : null;
  return decrypt({ ...request, isva });
}

/** A request in the staff member's own Area, or null (which the routes answer with 404). */
function inArea(db: Db, staff: User, reference: string) {
  if (!staff.areaId) return Promise.resolve(null);
  return load(db, { reference, areaId: staff.areaId });
}

/** A request for its Area's staff, decrypted; null (a 404) for anyone else. Every read is audited. */
export async function staffMeetingRequest(db: Db, staff: User, reference: string) {
  const request = await inArea(db, staff, reference);
  if (!request) return null;
  await audit(db, { actorId: staff.id, action: "case.read", targetType: "meeting_request", targetId: request.id, areaId: request.areaId });
  const slots = await db.meetingSlot.findMany({ where: { requestId: request.id, status: "PROPOSED" }, orderBy: { startsAt: "asc" } });
  return { ...request, proposed: slots };
}

/** A slot that was taken, withdrawn or offered to someone else in the meantime. */
export class SlotGone extends Error {}

function isOpen(status: string) {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

export type BookOutcome = ({ ok: true; when: string } & Notified & { phone?: string }) | { ok: false; reason: "overlap" | "invalid" | "notFound" | "slotGone" | "booked" };

function told(notified: Notified, request: { contact: Contact }, when: string) {
  return { ok: true as const, when, ...notified, phone: notified.prompt === "phone" ? request.contact.phone : undefined };
}

/**
 * Books a request into a time (typed, or one of the VLO's published slots).
 * The confirmation goes by e-mail only when the victim said e-mail is safe;
 * otherwise the VLO is told to phone or to go through the ISVA, and nothing is
 * sent to the victim.
 */
export async function bookRequest(
  db: Db,
  vlo: User,
  reference: string,
  time: { startsAt: Date; endsAt: Date; room?: string | null; mode?: "IN_PERSON" | "VIDEO" } | { slotId: string },
  origin = "",
): Promise<BookOutcome> {
  const request = await inArea(db, vlo, reference);
  if (!request) return { ok: false, reason: "notFound" };
  if (request.meetings.length || !isOpen(request.status)) return { ok: false, reason: "booked" };
  const area = await db.area.findUniqueOrThrow({ where: { id: request.areaId } });
  let slot: { id: string; startsAt: Date; endsAt: Date; mode: "IN_PERSON" | "VIDEO"; location: string | null; bufferMinutes: number } | null = null;
  if ("slotId" in time) {
    slot = await db.meetingSlot.findFirst({
      where: { id: time.slotId, areaId: request.areaId, vloId: vlo.id, OR: [{ status: "OPEN" }, { status: "PROPOSED", requestId: request.id }] },
    });
    if (!slot) return { ok: false, reason: "slotGone" };
  }
  const chosen = slot
    ? { startsAt: slot.startsAt, endsAt: slot.endsAt, room: slot.location, mode: slot.mode, bufferMinutes: slot.bufferMinutes }
    : (time as { startsAt: Date; endsAt: Date; room?: string | null; mode?: "IN_PERSON" | "VIDEO" });
  let notified: Notified | undefined;
  const booked = await bookMeeting(db, { requestId: request.id, areaId: request.areaId, vloId: vlo.id, ...chosen, slotId: slot?.id }, async (tx, meetingId) => {
    await settleSlots(tx, request.id, slot?.id);
    const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    notified = await queueMeetingNews(tx, "booked", request.party, meeting, area, origin);
    await audit(tx, { actorId: vlo.id, action: "meeting.booked", targetType: "meeting", targetId: meetingId, areaId: request.areaId, detail: { emailed: notified.emailedVictim } });
  }).catch((error: unknown) => {
    if (error instanceof SlotGone) return { ok: false as const, reason: "slotGone" as const };
    throw error;
  });
  if (!booked.ok) return booked;
  return told(notified!, request, meetingWhen(chosen.startsAt, request.language === "cy" ? "cy" : "en"));
}

/** Marks the booked slot taken, returns the request's other proposed slots to open, and ends its choosing links. */
export async function settleSlots(tx: Prisma.TransactionClient, requestId: string, takenSlotId?: string) {
  if (takenSlotId) {
    const taken = await tx.meetingSlot.updateMany({
      where: { id: takenSlotId, OR: [{ status: "OPEN" }, { status: "PROPOSED", requestId }] },
      data: { status: "TAKEN", requestId },
    });
    if (taken.count !== 1) throw new SlotGone();
  }
  await tx.meetingSlot.updateMany({ where: { requestId, status: "PROPOSED" }, data: { status: "OPEN", requestId: null } });
  await endLinks(tx, requestId, "CHOOSE");
}

export type ProposeOutcome = ({ ok: true } & Notified & { phone?: string; times: string[] }) | { ok: false; reason: "notFound" | "slotGone" | "count" | "booked" };

/** Offers up to three of the VLO's open slots; they are held for this request until one is chosen. */
export async function proposeSlots(db: Db, vlo: User, reference: string, slotIds: string[], origin: string): Promise<ProposeOutcome> {
  const ids = [...new Set(slotIds)];
  if (ids.length < 1 || ids.length > MAX_PROPOSED) return { ok: false, reason: "count" };
  const request = await inArea(db, vlo, reference);
  if (!request) return { ok: false, reason: "notFound" };
  if (request.meetings.length || !isOpen(request.status)) return { ok: false, reason: "booked" };
  try {
    const result = await db.$transaction(async (tx) => {
      // Earlier proposals to this request go back to open first.
      await settleSlots(tx, request.id);
      const held = await tx.meetingSlot.updateMany({
        where: { id: { in: ids }, areaId: request.areaId, vloId: vlo.id, status: "OPEN", startsAt: { gt: new Date() } },
        data: { status: "PROPOSED", requestId: request.id },
      });
      if (held.count !== ids.length) throw new SlotGone();
      const offered = await tx.meetingRequest.updateMany({
        where: { id: request.id, status: { in: [...OPEN_STATUSES] } },
        data: { status: "OFFERED", offeredAt: request.offeredAt ?? new Date() },
      });
      if (offered.count !== 1) throw new RequestClosed();
      const notified = await queueTimesOffered(tx, request.party, { id: request.areaId }, origin);
      await audit(tx, { actorId: vlo.id, action: "meeting.offered", targetType: "meeting_request", targetId: request.id, areaId: request.areaId, detail: { count: ids.length } });
      const slots = await tx.meetingSlot.findMany({ where: { id: { in: ids } }, orderBy: { startsAt: "asc" } });
      return { notified, times: slots.map((slot) => meetingWhen(slot.startsAt, request.language === "cy" ? "cy" : "en")) };
    });
    return { ok: true, ...result.notified, times: result.times, phone: result.notified.prompt === "phone" ? request.contact.phone : undefined };
  } catch (error) {
    if (error instanceof SlotGone) return { ok: false, reason: "slotGone" };
    if (error instanceof RequestClosed) return { ok: false, reason: "booked" };
    throw error;
  }
}

export type ChangeOutcome = ({ ok: true; when?: string } & Notified & { phone?: string }) | { ok: false; reason: "notFound" | "overlap" | "invalid" };

/** Moves a booked meeting, with a reason; the victim (where safe) and ISVA get an updated invite. */
export async function rescheduleMeeting(
  db: Db,
  vlo: User,
  reference: string,
  meetingId: string,
  change: { startsAt: Date; endsAt: Date; room?: string | null; reason: string },
  origin: string,
): Promise<ChangeOutcome> {
  const request = await inArea(db, vlo, reference);
  const meeting = request?.meetings.find((m) => m.id === meetingId);
  if (!request || !meeting) return { ok: false, reason: "notFound" };
  const area = await db.area.findUniqueOrThrow({ where: { id: request.areaId } });
  let notified: Notified | undefined;
  const moved = await moveMeeting(db, meeting.id, change, async (tx) => {
    // Links sent for the old time must not confirm the new one.
    await endLinks(tx, request.id, "RESPOND");
    const updated = await tx.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    notified = await queueMeetingNews(tx, "changed", request.party, updated, area, origin);
    await audit(tx, { actorId: vlo.id, action: "meeting.moved", targetType: "meeting", targetId: meeting.id, areaId: request.areaId });
  });
  if (!moved.ok) return moved;
  return told(notified!, request, meetingWhen(change.startsAt, request.language === "cy" ? "cy" : "en"));
}

/** Cancels a booked meeting, with a reason; the request goes back to new, or to cancelled when the victim no longer wants one. */
export async function cancelBookedMeeting(db: Db, staff: User, reference: string, meetingId: string, reason: string, origin: string, { victimDeclined = false } = {}): Promise<ChangeOutcome> {
  const request = await inArea(db, staff, reference);
  const meeting = request?.meetings.find((m) => m.id === meetingId);
  if (!request || !meeting) return { ok: false, reason: "notFound" };
  const area = await db.area.findUniqueOrThrow({ where: { id: request.areaId } });
  const notified = await db.$transaction(async (tx) => {
    await cancelMeeting(tx, meeting.id, reason);
    await tx.meetingRequest.update({ where: { id: request.id }, data: { status: victimDeclined ? "DECLINED" : "CANCELLED", confirmedAt: null, rearrangeAskedAt: null } });
    await endLinks(tx, request.id);
    const cancelled = await tx.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    const sent = await queueMeetingNews(tx, "cancelled", request.party, cancelled, area, origin);
    await audit(tx, { actorId: staff.id, action: "meeting.cancelled", targetType: "meeting", targetId: meeting.id, areaId: request.areaId });
    return sent;
  });
  return told(notified, request, "");
}

/** The victim does not want a meeting (they may change their mind: a new request can be made at any time). */
export async function markDeclined(db: Db, staff: User, reference: string, origin: string) {
  const request = await inArea(db, staff, reference);
  if (!request) return false;
  const booked = request.meetings[0];
  if (booked) {
    await cancelBookedMeeting(db, staff, reference, booked.id, "declined", origin, { victimDeclined: true });
    return true;
  }
  await db.$transaction(async (tx) => {
    await settleSlots(tx, request.id);
    await endLinks(tx, request.id);
    await tx.meetingRequest.update({ where: { id: request.id }, data: { status: "DECLINED" } });
    await audit(tx, { actorId: staff.id, action: "meeting.declined", targetType: "meeting_request", targetId: request.id, areaId: request.areaId });
  });
  return true;
}

/** What happened at (or instead of) the meeting: encrypted, since it may hold case details. */
export async function recordOutcome(db: Db, staff: User, reference: string, input: OutcomeInput) {
  const request = await inArea(db, staff, reference);
  if (!request || !(request.meetings.length || request.status === "HELD")) return false;
  const outcome: Outcome = { held: input.held === "yes", specialMeasures: input.specialMeasures, followUps: input.followUps };
  await db.$transaction(async (tx) => {
    await tx.meetingRequest.update({
      where: { id: request.id },
      data: { outcome: fieldCipher().encrypt(JSON.stringify(outcome), aad(request.id)), ...(outcome.held ? { status: "HELD" } : {}) },
    });
    await audit(tx, { actorId: staff.id, action: "meeting.outcome", targetType: "meeting_request", targetId: request.id, areaId: request.areaId, detail: { held: outcome.held } });
  });
  return true;
}

/** For the link pages: the request a checked link belongs to, with what its holder may see (times only). */
export async function requestForLink(db: Db, requestId: string) {
  const request = await load(db, { id: requestId });
  if (!request) return null;
  // Offered times that have passed can no longer be chosen.
  const proposed = await db.meetingSlot.findMany({ where: { requestId, status: "PROPOSED", startsAt: { gt: new Date() } }, orderBy: { startsAt: "asc" } });
  return { ...request, proposed };
}

export type { Area };

/**
 * Values for the pre-trial meeting letters, from a request of the staff
 * member's own Area: the name the victim asked to be called and the booked
 * meeting. Empty for anyone else (the letter form is then filled by hand).
 */
export async function meetingLetterValues(db: Db, staff: User, reference: string): Promise<Record<string, string>> {
  if (!isMeetingReference(reference)) return {};
  const request = await inArea(db, staff, reference);
  if (!request) return {};
  await audit(db, { actorId: staff.id, action: "case.read", targetType: "meeting_request", targetId: request.id, areaId: request.areaId });
  const meeting = request.meetings[0];
  const values: Record<string, string> = { victim_name: request.contact.name };
  if (!meeting) return values;
  const vlo = await db.user.findUnique({ where: { id: meeting.vloId }, select: { name: true } });
  const london = new Intl.DateTimeFormat("en-GB", { hour: "numeric", minute: "2-digit", hour12: true, timeZone: "Europe/London" }).format(meeting.startsAt);
  return {
    ...values,
    meeting_date: new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(meeting.startsAt),
    meeting_time: london.replace(/\s/g, "").toLowerCase(),
    by_video: meeting.mode === "VIDEO" ? "yes" : "no",
    ...(meeting.room ? { meeting_place: meeting.room } : {}),
    ...(vlo ? { vlo_name: vlo.name } : {}),
  };
}
