// Every message about a meeting goes through here, so every one obeys the
// victim's safe-contact choices (contactPlan): the victim is e-mailed only at
// an address they said is safe, and never when they asked to be reached only
// through their ISVA; otherwise the VLO is told to phone, or to go through the
// ISVA. Messages are queued in the caller's transaction, with the change they
// report. Invites carry nothing beyond a neutral title and the time and place.
import { formatLongDate, formatTime } from "~/features/dates/format.ts";
import { mailLanguage, mailLink, renderEmail, type MailLanguage } from "~/features/mail/emails.server.ts";
import { queueMail, withdrawPendingMail, type MailAttachment } from "~/features/mail/outbox.server.ts";
import type { Area, MeetingMode, Prisma } from "~/generated/prisma/client.ts";
import { getEnv } from "~/utils/config.server.ts";
import { contactPlan, type ContactPlan, type SafeContact } from "./contact.ts";
import { buildInvite, type InviteMethod } from "./invite.server.ts";
import { createLink } from "./links.server.ts";

type Tx = Prisma.TransactionClient;
type Lang = "en" | "cy";

export type MeetingParty = SafeContact & {
  id: string;
  reference: string;
  language: string;
  /** The victim's name (or the name they want to be called), and the addresses they gave. */
  contact: { name: string; email?: string; isvaEmail?: string };
  /** The linked ISVA account's address, for a request an ISVA made. */
  isvaAccountEmail?: string | null;
  /** That account's chosen e-mail language. */
  isvaAccountLanguage?: string | null;
};

export type MeetingTime = { id: string; sequence: number; startsAt: Date; endsAt: Date; mode: MeetingMode; room: string | null };

export type Notified = {
  /** The victim was e-mailed. */
  emailedVictim: boolean;
  /** The ISVA was e-mailed. */
  emailedIsva: boolean;
  /** What the VLO should do now, when the victim was not e-mailed. */
  prompt: ContactPlan["prompt"];
};

const DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" });

/**
 * "Monday 1 February 2027, 10am" in London time, in the language given; it
 * stands on its own (a list item, after "Pryd:"). A time in the hour the
 * clocks go back names its zone: "1:30am GMT".
 */
export function meetingWhen(at: Date, lang: Lang) {
  return `${formatLongDate(DAY.format(at), lang, { start: true })}, ${formatTime(at, lang)}`;
}

function place(meeting: Pick<MeetingTime, "mode" | "room">, lang: Lang) {
  if (meeting.mode === "VIDEO") return lang === "cy" ? "Drwy alwad fideo (bydd y ddolen yn cael ei hanfon ar wahân)" : "By video call (the link will be sent separately)";
  return meeting.room ?? (lang === "cy" ? "Wyneb yn wyneb (bydd y Swyddog Cyswllt Dioddefwyr yn cadarnhau ble)" : "In person (the Victim Liaison Officer will confirm where)");
}

function lang(party: MeetingParty): Lang {
  return party.language === "cy" ? "cy" : "en";
}

/** The victim's e-mails follow the language of the form they used; the ISVA's their account's choice. Both are bilingual for CPS Cymru-Wales. */
function victimMail(party: MeetingParty, area: Pick<Area, "id">): MailLanguage {
  return mailLanguage(party.language, area.id);
}

function isvaMail(party: MeetingParty, area: Pick<Area, "id">): MailLanguage {
  return mailLanguage(party.isvaAccountEmail ? party.isvaAccountLanguage : null, area.id);
}

/** The ISVA's own language, for links and invites: their account's choice, or English. */
function isvaLang(party: MeetingParty): Lang {
  return party.isvaAccountEmail && party.isvaAccountLanguage === "cy" ? "cy" : "en";
}

function isvaAddress(party: MeetingParty) {
  return party.isvaAccountEmail ?? party.contact.isvaEmail ?? null;
}

function respondLink(origin: string, token: string, l: Lang) {
  return `${origin}${l === "cy" ? "/cy" : ""}/pre-trial-meeting/respond/${token}`;
}

function invite(method: InviteMethod, meeting: MeetingTime, area: Area, l: Lang, origin: string, attendees: { name: string; email: string }[]): MailAttachment {
  const built = buildInvite({
    meetingId: meeting.id,
    origin,
    sequence: meeting.sequence,
    method,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    lang: l,
    mode: meeting.mode,
    location: meeting.mode === "IN_PERSON" ? (meeting.room ?? undefined) : undefined,
        // Area names already begin "CPS".
    organiser: { name: l === "cy" ? area.nameCy : area.nameEn, email: area.rassoMailbox },
    attendees,
  });
  return { filename: built.filename, contentType: built.contentType, content: Buffer.from(built.content, "utf8") };
}

/** The sentence an ISVA's e-mail has only when a calendar invite goes with it. */
const ATTACHED = { en: "The calendar invitation is attached. ", cy: "Mae'r gwahoddiad calendr ynghlwm. " };
const NOT_ATTACHED = { en: "", cy: "" };

const ISVA_NEWS = {
  booked: { en: "a meeting is booked", cy: "mae cyfarfod wedi'i drefnu" },
  changed: { en: "the meeting has a new time", cy: "mae gan y cyfarfod amser newydd" },
  cancelled: { en: "the meeting is cancelled", cy: "mae'r cyfarfod wedi'i ganslo" },
  offered: { en: "times are offered to choose from", cy: "mae amseroedd wedi'u cynnig i ddewis ohonynt" },
} as const;

export type MeetingNews = "booked" | "changed" | "cancelled";

/**
 * Tells the victim (only where safe) and the ISVA that a meeting was booked,
 * moved or cancelled, with a calendar invite; replaces its reminders.
 */
export async function queueMeetingNews(tx: Tx, news: MeetingNews, party: MeetingParty, meeting: MeetingTime, area: Area, origin: string, now = new Date()): Promise<Notified> {
  const plan = contactPlan(party);
  const l = lang(party);
  const victimEmail = plan.emailVictim ? (party.contact.email ?? null) : null;
  const isva = isvaAddress(party);
  const method: InviteMethod = news === "cancelled" ? "CANCEL" : "REQUEST";
  const key = `meeting-${news}:${meeting.id}:${meeting.sequence}`;

  if (victimEmail) {
    const values = { name: party.contact.name, reference: party.reference };
    const timed = { when: meetingWhen(meeting.startsAt, "en"), place: place(meeting, "en") };
    const welshTimed = { when: meetingWhen(meeting.startsAt, "cy"), place: place(meeting, "cy") };
    const link = news === "cancelled" ? "" : respondLink(origin, await createLink(tx, { requestId: party.id, purpose: "RESPOND", audience: "VICTIM", now }), l);
    const rendered =
      news === "cancelled"
        ? renderEmail("meeting-cancelled", victimMail(party, area), values)
        : renderEmail(news === "booked" ? "meeting-booked" : "meeting-changed", victimMail(party, area), { ...values, ...timed, link }, welshTimed);
    // A neutral name: the invite never carries the victim's name.
    const attendee = { name: l === "cy" ? "Gwestai" : "Guest", email: victimEmail };
    await queueMail(tx, { to: victimEmail, idempotencyKey: `${key}:victim`, ...rendered, attachments: [invite(method, meeting, area, l, origin, [attendee])] });
  }
  if (isva) {
    const link = news === "cancelled" ? mailLink(origin, "/isva/meetings", isvaLang(party)) : respondLink(origin, await createLink(tx, { requestId: party.id, purpose: "RESPOND", audience: "ISVA", now }), isvaLang(party));
    await queueMail(tx, {
      to: isva,
      idempotencyKey: `${key}:isva`,
      ...renderEmail("meeting-isva-update", isvaMail(party, area), { reference: party.reference, news: ISVA_NEWS[news].en, attached: ATTACHED.en, link }, { news: ISVA_NEWS[news].cy, attached: ATTACHED.cy }),
      // Each copy names only its own recipient: the ISVA's never holds the victim's name or address.
      attachments: [invite(method, meeting, area, isvaLang(party), origin, [{ name: "ISVA", email: isva }])],
    });
  }
  await replaceReminders(tx, party, meeting, area, origin, news === "cancelled" ? null : plan, now);
  return { emailedVictim: Boolean(victimEmail), emailedIsva: Boolean(isva), prompt: plan.prompt };
}

/** Tells the victim (only where safe) and the ISVA that times are offered, each with a single-use link to choose one. */
export async function queueTimesOffered(tx: Tx, party: MeetingParty, area: Pick<Area, "id">, origin: string, now = new Date()): Promise<Notified> {
  const plan = contactPlan(party);
  const l = lang(party);
  const victimEmail = plan.emailVictim ? (party.contact.email ?? null) : null;
  const isva = isvaAddress(party);
  if (victimEmail) {
    const link = respondLink(origin, await createLink(tx, { requestId: party.id, purpose: "CHOOSE", audience: "VICTIM", now }), l);
    await queueMail(tx, { to: victimEmail, ...renderEmail("meeting-times-offered", victimMail(party, area), { name: party.contact.name, reference: party.reference, link }) });
  }
  if (isva) {
    const link = respondLink(origin, await createLink(tx, { requestId: party.id, purpose: "CHOOSE", audience: "ISVA", now }), isvaLang(party));
    await queueMail(tx, { to: isva, ...renderEmail("meeting-isva-update", isvaMail(party, area), { reference: party.reference, news: ISVA_NEWS.offered.en, attached: NOT_ATTACHED.en, link }, { news: ISVA_NEWS.offered.cy, attached: NOT_ATTACHED.cy }) });
  }
  return { emailedVictim: Boolean(victimEmail), emailedIsva: Boolean(isva), prompt: plan.prompt };
}

const STAFF_NEWS = {
  chosen: { en: "a time has been chosen and booked", cy: "mae amser wedi'i ddewis a'i drefnu" },
  noneSuit: { en: "none of the times offered suit; please offer others", cy: "nid yw'r un o'r amseroedd a gynigiwyd yn addas; cynigiwch eraill os gwelwch yn dda" },
  rearrange: { en: "they have asked to rearrange the meeting", cy: "maent wedi gofyn am aildrefnu'r cyfarfod" },
  confirmed: { en: "the meeting is confirmed", cy: "mae'r cyfarfod wedi'i gadarnhau" },
  phoneReminder: { en: "the meeting is soon: remind the victim by phone or through their ISVA, as their contact choices allow", cy: "mae'r cyfarfod yn fuan: atgoffwch y dioddefwr dros y ffôn neu drwy eu ISVA, fel y mae eu dewisiadau cyswllt yn caniatáu" },
} as const;

/** A note to the Area's mailbox: no details of the victim or the case. */
export async function queueStaffNews(tx: Tx, news: keyof typeof STAFF_NEWS, party: Pick<MeetingParty, "reference">, area: Area, origin: string, notBefore?: Date, key?: string) {
  await queueMail(tx, {
    to: area.rassoMailbox,
    idempotencyKey: key,
    notBefore,
    ...renderEmail("meeting-staff-update", mailLanguage(null, area.id), { reference: party.reference, news: STAFF_NEWS[news].en, link: `${origin}/staff/meetings/${party.reference}` }, { news: STAFF_NEWS[news].cy }),
  });
}

/**
 * The reminders of a meeting, a set time before it: to the victim by e-mail
 * only where that is safe, to the ISVA, and otherwise to the Area's mailbox,
 * asking the VLO to remind the victim in a way they allowed. A move or a
 * cancellation withdraws the reminders not yet sent.
 */
async function replaceReminders(tx: Tx, party: MeetingParty, meeting: MeetingTime, area: Area, origin: string, plan: ContactPlan | null, now: Date) {
  await withdrawPendingMail(tx, `meeting-reminder:${meeting.id}:`);
  if (!plan) return;
  const at = new Date(meeting.startsAt.getTime() - getEnv().MEETING_REMINDER_HOURS * 60 * 60 * 1000);
  if (at <= now) return;
  const key = `meeting-reminder:${meeting.id}:${meeting.sequence}`;
  const timed = { when: meetingWhen(meeting.startsAt, "en"), place: place(meeting, "en") };
  const welshTimed = { when: meetingWhen(meeting.startsAt, "cy"), place: place(meeting, "cy") };
  const victimEmail = plan.emailVictim ? (party.contact.email ?? null) : null;
  if (victimEmail) {
    await queueMail(tx, { to: victimEmail, idempotencyKey: `${key}:victim`, notBefore: at, ...renderEmail("meeting-reminder", victimMail(party, area), { name: party.contact.name, ...timed }, welshTimed) });
  } else {
    await queueStaffNews(tx, "phoneReminder", party, area, origin, at, `${key}:staff`);
  }
  const isva = isvaAddress(party);
  if (isva) {
    await queueMail(tx, {
      to: isva,
      idempotencyKey: `${key}:isva`,
      notBefore: at,
      ...renderEmail("meeting-isva-update", isvaMail(party, area), { reference: party.reference, news: `reminder, ${timed.when}`, attached: NOT_ATTACHED.en, link: mailLink(origin, "/isva/meetings", isvaLang(party)) }, { news: `nodyn atgoffa, ${welshTimed.when}`, attached: NOT_ATTACHED.cy }),
    });
  }
}
