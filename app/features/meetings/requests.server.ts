// Pre-trial meeting requests: stored (personal details encrypted) and routed to
// the Area by the same rules as ISVA queries; seen only by that Area's VLOs and
// staff; booked into a time the database keeps free of overlaps; and every
// message after that obeys the victim's safe-contact choices.
import crypto from "node:crypto";
import { audit } from "~/features/audit/audit.server.ts";
import { fieldCipher } from "~/features/crypto/cipher.server.ts";
import { formatLongDate } from "~/features/dates/dates.ts";
import type { Lang } from "~/features/i18n/languages.ts";
import { renderEmail } from "~/features/mail/emails.server.ts";
import { queueMail } from "~/features/mail/outbox.server.ts";
import type { User } from "~/generated/prisma/client.ts";
import type { Db } from "~/utils/db.server.ts";
import { bookMeeting } from "./booking.server.ts";
import { contactPlan } from "./contact.ts";
import type { MeetingRequestInput } from "./schema.ts";

const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const aad = (id: string) => `meeting-request:${id}`;

export function newMeetingReference() {
  const chars = Array.from({ length: 8 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]);
  return `M-${chars.slice(0, 4).join("")}-${chars.slice(4).join("")}`;
}

export function isMeetingReference(value: unknown): value is string {
  return typeof value === "string" && /^M-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/.test(value);
}

type Contact = { name: string; email?: string; phone?: string; times?: string; askFor?: string; isvaEmail?: string };
type Needs = { format: string; access?: string; interpreter?: string; supporter: boolean; topics: string[] };

/** Stores a request from the public site, with the Area's notice, in one transaction. */
export async function createMeetingRequest(db: Db, input: MeetingRequestInput, areaId: string, lang: Lang, origin: string) {
  const id = crypto.randomUUID();
  const reference = newMeetingReference();
  const contact: Contact = { name: input.name, email: input.email, phone: input.phone, times: input.times, askFor: input.askFor, isvaEmail: input.isvaEmail };
  const needs: Needs = { format: input.format, access: input.access, interpreter: input.interpreter, supporter: input.supporter === "yes", topics: input.topics };
  const area = await db.area.findUniqueOrThrow({ where: { id: areaId } });
  await db.$transaction(async (tx) => {
    await tx.meetingRequest.create({
      data: {
        id,
        reference,
        areaId,
        requestedBy: "VICTIM",
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
      ...renderEmail("meeting-request-received", { reference, area: area.nameEn, link: `${origin}/staff/meetings/${reference}` }, { area: area.nameCy }),
    });
    await audit(tx, { action: "meeting.requested", targetType: "meeting_request", targetId: id, areaId });
  });
  return { reference, area: { en: area.nameEn, cy: area.nameCy } };
}

export function listAreaRequests(db: Db, staff: User) {
  if (!staff.areaId) return Promise.resolve([]);
  return db.meetingRequest.findMany({
    where: { areaId: staff.areaId },
    orderBy: { createdAt: "desc" },
    select: { reference: true, status: true, createdAt: true },
    take: 500,
  });
}

/** A request for its Area's staff, decrypted; null (a 404) for anyone else. Every read is audited. */
export async function staffMeetingRequest(db: Db, staff: User, reference: string) {
  if (!staff.areaId) return null;
  const request = await db.meetingRequest.findFirst({
    where: { reference, areaId: staff.areaId },
    include: { meetings: { where: { status: "BOOKED" }, orderBy: { startsAt: "asc" } } },
  });
  if (!request) return null;
  await audit(db, { actorId: staff.id, action: "case.read", targetType: "meeting_request", targetId: request.id, areaId: request.areaId });
  return {
    ...request,
    contact: JSON.parse(fieldCipher().decrypt(request.contact, aad(request.id))) as Contact,
    needs: JSON.parse(fieldCipher().decrypt(request.needs, aad(request.id))) as Needs,
    plan: contactPlan(request),
  };
}

export type BookOutcome =
  | { ok: true; when: string; emailed: boolean; prompt: "phone" | "isva" | null; phone?: string }
  | { ok: false; reason: "overlap" | "invalid" | "notFound" };

/**
 * Books a request into a time. The confirmation goes by e-mail only when the
 * victim said e-mail is safe; otherwise the VLO is told to phone or to go
 * through the ISVA, and nothing is sent to the victim.
 */
export async function bookRequest(
  db: Db,
  vlo: User,
  reference: string,
  slot: { startsAt: Date; endsAt: Date; room?: string | null },
): Promise<BookOutcome> {
  const request = await staffMeetingRequest(db, vlo, reference);
  if (!request) return { ok: false, reason: "notFound" };
  const booked = await bookMeeting(db, { requestId: request.id, vloId: vlo.id, room: slot.room, startsAt: slot.startsAt, endsAt: slot.endsAt });
  if (!booked.ok) return booked;
  const lang = request.language === "cy" ? "cy" : "en";
  const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" }).format(slot.startsAt);
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(slot.startsAt);
  const when = `${formatLongDate(day, lang)}, ${time}`;
  const plan = request.plan;
  if (plan.emailVictim && request.contact.email) {
    await db.$transaction(async (tx) => {
      await queueMail(tx, { to: request.contact.email!, ...renderEmail("meeting-booked", { name: request.contact.name, when, reference }) });
    });
  }
  await audit(db, { actorId: vlo.id, action: "meeting.booked", targetType: "meeting", targetId: booked.meetingId, areaId: request.areaId, detail: { emailed: plan.emailVictim } });
  return { ok: true, when, emailed: plan.emailVictim, prompt: plan.prompt, phone: plan.prompt === "phone" ? request.contact.phone : undefined };
}
