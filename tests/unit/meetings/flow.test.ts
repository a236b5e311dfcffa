// A meeting from request to outcome: asked for by an ISVA, recorded from a
// phone call, offered times, chosen through a signed single-use link, moved,
// cancelled, reminded; every message obeys the victim's contact choices and
// every invite parses with an independent iCalendar reader.
import fc from "fast-check";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishSlot } from "~/features/meetings/booking.server.ts";
import { checkLink } from "~/features/meetings/links.server.ts";
import {
  bookRequest,
  cancelBookedMeeting,
  createMeetingRequest,
  markDeclined,
  meetingLetterValues,
  proposeSlots,
  recordOutcome,
  rescheduleMeeting,
  staffMeetingRequest,
  type Requester,
} from "~/features/meetings/requests.server.ts";
import { askToRearrange, chooseTime, confirmMeeting, noneSuit, viewLink } from "~/features/meetings/respond.server.ts";
import { CHANNELS, meetingRequestSchema } from "~/features/meetings/schema.ts";
import type { User } from "~/generated/prisma/client.ts";
import type { Db } from "~/utils/db.server.ts";
import { createMigratedDatabase } from "../../setup/database.ts";
import { makeUser } from "../../setup/users.ts";

const ORIGIN = "https://portal.example";
const AREA = "south-east";
let db: Db;
let vlo: User;
let isva: User;

beforeAll(async () => {
  ({ db } = await createMigratedDatabase());
  ({ user: vlo } = await makeUser(db, { roles: ["VLO"], areaId: AREA }));
  ({ user: isva } = await makeUser(db, { roles: ["ISVA"] }));
});
afterAll(() => db.$disconnect());

let day = 0;
/** A fresh day in 2031 for each test, so slots and meetings never meet. */
function nextDay() {
  day += 1;
  const date = new Date(Date.UTC(2031, 0, 5 + day));
  return (time: string) => new Date(`${date.toISOString().slice(0, 10)}T${time}:00Z`);
}

async function ask(channels: string[], extra: Record<string, unknown> = {}, by: Requester = { kind: "VICTIM" }, lang: "en" | "cy" = "en") {
  const input = meetingRequestSchema.parse({ name: "Sam", forceId: "kent", format: "EITHER", phone: "01632 960123", channels, ...extra });
  return (await createMeetingRequest(db, input, AREA, lang, ORIGIN, by)).reference;
}

function mailTo(address: string) {
  return db.outboxMessage.findMany({ where: { toAddress: address }, orderBy: { createdAt: "asc" } });
}

function invites(row: { attachments: unknown }) {
  return ((row.attachments ?? []) as { contentType: string; content: string }[]).map((attachment) => {
    const calendar = new ICAL.Component(ICAL.parse(Buffer.from(attachment.content, "base64").toString("utf8")));
    const event = calendar.getFirstSubcomponent("vevent")!;
    return {
      contentType: attachment.contentType,
      method: calendar.getFirstPropertyValue("method"),
      uid: event.getFirstPropertyValue("uid"),
      sequence: event.getFirstPropertyValue("sequence"),
      summary: event.getFirstPropertyValue("summary"),
      attendees: event.getAllProperties("attendee").map((property) => String(property.getFirstValue()).replace(/^mailto:/i, "")),
    };
  });
}

/** The single-use link in an e-mail's text. */
function tokenIn(text: string) {
  const found = /\/pre-trial-meeting\/respond\/([A-Za-z0-9_.-]+)/.exec(text);
  if (!found) throw new Error(`No link in: ${text}`);
  return found[1]!;
}

describe("requests made for the victim", () => {
  it("from an ISVA: the ISVA is linked, and gets the invite while the victim, phone only, gets nothing", async () => {
    const reference = await ask(["phone"], {}, { kind: "ISVA", user: isva });
    const stored = await db.meetingRequest.findUniqueOrThrow({ where: { reference } });
    expect(stored).toMatchObject({ requestedBy: "ISVA", requestedById: isva.id, isvaId: isva.id });
    const at = nextDay();
    const booked = await bookRequest(db, vlo, reference, { startsAt: at("10:00"), endsAt: at("11:00"), mode: "VIDEO" }, ORIGIN);
    expect(booked).toMatchObject({ ok: true, emailedVictim: false, emailedIsva: true, prompt: "phone" });
    const mail = (await mailTo(isva.email)).filter((row) => row.subject.includes(reference));
    const now = mail.filter((row) => row.nextAttemptAt <= new Date());
    expect(now).toHaveLength(1);
    const [invite] = invites(now[0]!);
    const meeting = await db.meeting.findFirstOrThrow({ where: { request: { reference } } });
    expect(invite).toMatchObject({ method: "REQUEST", uid: `${meeting.id}@portal.example`, sequence: 0, summary: "Meeting with the prosecution team", attendees: [isva.email] });
    expect(invite!.contentType).toContain("method=REQUEST");
    expect(now[0]!.textBody).not.toMatch(/Sam|01632/);
  });

  it("from a VLO's phone call: recorded as such, and routed like any other", async () => {
    const reference = await ask(["phone", "voicemail"], {}, { kind: "VLO", user: vlo }, "cy");
    expect(await db.meetingRequest.findUniqueOrThrow({ where: { reference } })).toMatchObject({ requestedBy: "VLO", requestedById: vlo.id, isvaId: null, language: "cy", areaId: AREA });
  });
});

describe("offering times and choosing one through a single-use link", () => {
  async function slots(count: number, at: (time: string) => Date) {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const published = await publishSlot(db, { areaId: AREA, vloId: vlo.id, startsAt: at(`${10 + i * 2}:00`), endsAt: at(`${11 + i * 2}:00`), bufferMinutes: 15, mode: "IN_PERSON", location: `Room ${i + 1}` });
      if (!published.ok) throw new Error("slot refused");
      ids.push(published.slotId);
    }
    return ids;
  }

  it("offers up to three, lets the victim choose one once, and frees the others", async () => {
    const at = nextDay();
    const reference = await ask(["email"], { email: "choose@home.example", isvaEmail: "helper@isva-service.example" });
    const ids = await slots(4, at);
    expect(await proposeSlots(db, vlo, reference, ids, ORIGIN)).toEqual({ ok: false, reason: "count" });
    const offered = await proposeSlots(db, vlo, reference, ids.slice(0, 3), ORIGIN);
    expect(offered).toMatchObject({ ok: true, emailedVictim: true, emailedIsva: true });
    expect((await db.meetingRequest.findUniqueOrThrow({ where: { reference } })).status).toBe("OFFERED");

    const [offer] = await mailTo("choose@home.example");
    // The ISVA's note of the times offered has no invite, and says none.
    const [offeredToIsva] = await mailTo("helper@isva-service.example");
    expect(offeredToIsva!.attachments).toBeNull();
    expect(offeredToIsva!.textBody).not.toMatch(/attached/i);
    const token = tokenIn(offer!.textBody);
    const view = await viewLink(db, token);
    expect(view).toMatchObject({ ok: true, purpose: "CHOOSE", reference });
    expect(view.ok && view.purpose === "CHOOSE" && view.times.map((time) => time.id)).toEqual(ids.slice(0, 3));

    // A slot not offered to this request cannot be chosen with its link.
    expect(await chooseTime(db, token, ids[3]!, ORIGIN)).toEqual({ ok: false, problem: "slotGone" });
    expect(await chooseTime(db, token, ids[1]!, ORIGIN)).toMatchObject({ ok: true, done: "booked" });
    expect(await chooseTime(db, token, ids[2]!, ORIGIN)).toEqual({ ok: false, problem: "used" });

    const statuses = await db.meetingSlot.findMany({ where: { id: { in: ids } } });
    expect(Object.fromEntries(statuses.map((slot) => [slot.id, slot.status]))).toEqual({ [ids[0]!]: "OPEN", [ids[1]!]: "TAKEN", [ids[2]!]: "OPEN", [ids[3]!]: "OPEN" });
    // The ISVA's own link to choose was ended when the victim chose.
    const isvaOffer = (await mailTo("helper@isva-service.example")).find((row) => row.subject.includes(reference))!;
    expect(await chooseTime(db, tokenIn(isvaOffer.textBody), ids[0]!, ORIGIN)).toEqual({ ok: false, problem: "used" });
    const found = await staffMeetingRequest(db, vlo, reference);
    expect(found?.status).toBe("BOOKED");
    expect(found?.meetings[0]?.room).toBe("Room 2");
  });

  it("refuses a tampered link, a link used for the wrong purpose, and an expired one", async () => {
    const at = nextDay();
    const reference = await ask(["email"], { email: "links@home.example" });
    const ids = await slots(1, at);
    await proposeSlots(db, vlo, reference, ids, ORIGIN);
    const token = tokenIn((await mailTo("links@home.example"))[0]!.textBody);
    const [random, expires, signature] = token.split(".") as [string, string, string];
    const flip = (text: string) => (text[0] === "A" ? "B" : "A") + text.slice(1);
    expect(await checkLink(db, `${flip(random)}.${expires}.${signature}`, "CHOOSE")).toEqual({ ok: false, problem: "invalid" });
    expect(await checkLink(db, `${random}.${(parseInt(expires, 36) + 86_400).toString(36)}.${signature}`, "CHOOSE")).toEqual({ ok: false, problem: "invalid" });
    expect(await checkLink(db, `${random}.${expires}.${flip(signature)}`, "CHOOSE")).toEqual({ ok: false, problem: "invalid" });
    expect(await checkLink(db, "not-a-token", "CHOOSE")).toEqual({ ok: false, problem: "invalid" });
    expect(await checkLink(db, token, "RESPOND")).toEqual({ ok: false, problem: "invalid" });
    expect(await checkLink(db, token, "CHOOSE", new Date(Date.now() + 15 * 86_400_000))).toEqual({ ok: false, problem: "expired" });
    expect((await checkLink(db, token, "CHOOSE")).ok).toBe(true);
    // Expired in the database too (ended early), even though the signed date is still ahead.
    await db.meetingLink.updateMany({ where: { requestId: (await db.meetingRequest.findUniqueOrThrow({ where: { reference } })).id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await chooseTime(db, token, ids[0]!, ORIGIN)).toEqual({ ok: false, problem: "expired" });
  });

  it("puts the times back when none suit, and tells the Area without details", async () => {
    const at = nextDay();
    const reference = await ask(["email"], { email: "nonesuit@home.example" });
    const ids = await slots(2, at);
    await proposeSlots(db, vlo, reference, ids, ORIGIN);
    const token = tokenIn((await mailTo("nonesuit@home.example"))[0]!.textBody);
    expect(await noneSuit(db, token, ORIGIN)).toEqual({ ok: true, done: "noneSuit" });
    expect((await db.meetingSlot.findMany({ where: { id: { in: ids } } })).every((slot) => slot.status === "OPEN" && slot.requestId === null)).toBe(true);
    expect((await db.meetingRequest.findUniqueOrThrow({ where: { reference } })).status).toBe("NEW");
    const notice = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: "rasso.south-east@cps.example", subject: { contains: reference }, textBody: { contains: "none of the times" } } });
    expect(notice.textBody).not.toMatch(/Sam|nonesuit@/);
  });
});

describe("one meeting per request", () => {
  it("books a request once, however bookings race, and never one the victim declined", async () => {
    const reference = await ask(["phone"]);
    const at = nextDay();
    const { user: colleague } = await makeUser(db, { roles: ["VLO"], areaId: AREA });
    const results = await Promise.all([
      bookRequest(db, vlo, reference, { startsAt: at("09:00"), endsAt: at("10:00") }, ORIGIN),
      bookRequest(db, colleague, reference, { startsAt: at("14:00"), endsAt: at("15:00") }, ORIGIN),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toEqual({ ok: false, reason: "booked" });
    expect(await db.meeting.count({ where: { request: { reference }, status: "BOOKED" } })).toBe(1);

    const declined = await ask(["phone"]);
    await markDeclined(db, vlo, declined, ORIGIN);
    expect(await bookRequest(db, vlo, declined, { startsAt: at("16:00"), endsAt: at("17:00") }, ORIGIN)).toEqual({ ok: false, reason: "booked" });
    expect(await recordOutcome(db, vlo, declined, { held: "yes", specialMeasures: undefined, followUps: undefined })).toBe(false);
  });
});

describe("changes after booking", () => {
  it("moves with a higher SEQUENCE, replaces the reminder, and cancels with METHOD:CANCEL", async () => {
    const at = nextDay();
    const reference = await ask(["email"], { email: "changes@home.example", isvaEmail: "changes@isva-service.example" });
    const booked = await bookRequest(db, vlo, reference, { startsAt: at("10:00"), endsAt: at("11:00"), room: "Room 7" }, ORIGIN);
    expect(booked).toMatchObject({ ok: true, emailedVictim: true, emailedIsva: true });
    const meeting = await db.meeting.findFirstOrThrow({ where: { request: { reference } } });

    const respond = tokenIn((await mailTo("changes@home.example"))[0]!.textBody);
    expect(await viewLink(db, respond)).toMatchObject({ ok: true, purpose: "RESPOND", meeting: { id: meeting.id, place: "Room 7" } });
    expect(await confirmMeeting(db, respond)).toEqual({ ok: true, done: "confirmed" });
    expect(await confirmMeeting(db, respond)).toEqual({ ok: false, problem: "used" });

    expect(await rescheduleMeeting(db, vlo, reference, meeting.id, { startsAt: at("14:00"), endsAt: at("15:00"), reason: "Court listing changed" }, ORIGIN)).toMatchObject({ ok: true });
    const afterMove = await mailTo("changes@home.example");
    const reminders = afterMove.filter((row) => row.idempotencyKey?.startsWith("meeting-reminder:"));
    expect(reminders.map((row) => [row.idempotencyKey, row.nextAttemptAt])).toEqual([[`meeting-reminder:${meeting.id}:1:victim`, new Date(at("14:00").getTime() - 48 * 3600_000)]]);
    const moved = afterMove.find((row) => row.idempotencyKey === `meeting-changed:${meeting.id}:1:victim`)!;
    // Each copy names only its own recipient: the ISVA's never holds the victim's address.
    expect(invites(moved)[0]).toMatchObject({ method: "REQUEST", sequence: 1, uid: `${meeting.id}@portal.example`, attendees: ["changes@home.example"] });
    const isvaMoved = (await mailTo("changes@isva-service.example")).find((row) => row.idempotencyKey === `meeting-changed:${meeting.id}:1:isva`)!;
    expect(invites(isvaMoved)[0]).toMatchObject({ sequence: 1, attendees: ["changes@isva-service.example"] });
    // A link sent for the old time no longer works.
    const isvaBooked = (await mailTo("changes@isva-service.example")).find((row) => row.idempotencyKey === `meeting-booked:${meeting.id}:0:isva`)!;
    expect(await confirmMeeting(db, tokenIn(isvaBooked.textBody))).toEqual({ ok: false, problem: "used" });
    // The move asks for a fresh confirmation.
    expect((await db.meetingRequest.findUniqueOrThrow({ where: { reference } })).confirmedAt).toBeNull();

    const rearrange = tokenIn(moved.textBody);
    expect(await askToRearrange(db, rearrange, ORIGIN)).toEqual({ ok: true, done: "rearrange" });
    expect((await db.meetingRequest.findUniqueOrThrow({ where: { reference } })).rearrangeAskedAt).not.toBeNull();

    expect(await cancelBookedMeeting(db, vlo, reference, meeting.id, "Trial vacated", ORIGIN)).toMatchObject({ ok: true });
    const afterCancel = await mailTo("changes@isva-service.example");
    const cancelled = afterCancel.find((row) => row.idempotencyKey === `meeting-cancelled:${meeting.id}:2:isva`)!;
    expect(invites(cancelled)[0]).toMatchObject({ method: "CANCEL", sequence: 2, uid: `${meeting.id}@portal.example` });
    expect(await db.outboxMessage.count({ where: { idempotencyKey: { startsWith: `meeting-reminder:${meeting.id}:` } } })).toBe(0);
    expect((await db.meetingRequest.findUniqueOrThrow({ where: { reference } })).status).toBe("CANCELLED");
  });

  it("reminds the VLO to phone, not the victim, when e-mail is not safe", async () => {
    const at = nextDay();
    const reference = await ask(["phone", "text"], { email: "never@home.example" });
    await bookRequest(db, vlo, reference, { startsAt: at("10:00"), endsAt: at("11:00") }, ORIGIN);
    const meeting = await db.meeting.findFirstOrThrow({ where: { request: { reference } } });
    const reminder = await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: `meeting-reminder:${meeting.id}:0:staff` } });
    expect(reminder.toAddress).toBe("rasso.south-east@cps.example");
    expect(reminder.textBody).toContain("remind the victim by phone");
    expect(reminder.textBody).not.toMatch(/Sam|01632/);
    expect(await mailTo("never@home.example")).toEqual([]);
  });

  it("records the outcome encrypted, and a victim declining", async () => {
    const at = nextDay();
    const reference = await ask(["phone"]);
    await bookRequest(db, vlo, reference, { startsAt: at("10:00"), endsAt: at("11:00") }, ORIGIN);
    expect(await recordOutcome(db, vlo, reference, { held: "yes", specialMeasures: "Screens and a live link", followUps: "Court familiarisation visit" })).toBe(true);
    const stored = await db.meetingRequest.findUniqueOrThrow({ where: { reference } });
    expect(stored.status).toBe("HELD");
    expect(stored.outcome).not.toContain("Screens");
    expect((await staffMeetingRequest(db, vlo, reference))?.outcome).toEqual({ held: true, specialMeasures: "Screens and a live link", followUps: "Court familiarisation visit" });

    const other = await ask(["phone"]);
    expect(await markDeclined(db, vlo, other, ORIGIN)).toBe(true);
    expect((await db.meetingRequest.findUniqueOrThrow({ where: { reference: other } })).status).toBe("DECLINED");
  });
});

describe("no message reaches a channel the victim ruled out, through the whole flow", () => {
  it("for every combination of choices: book, move, cancel", async () => {
    for (let mask = 0; mask < 32; mask++) {
      const channels = CHANNELS.filter((_, i) => mask & (1 << i));
      const onlyViaIsva = mask & 16 ? "yes" : undefined;
      if (!channels.length && !onlyViaIsva) continue;
      const email = `combination${mask}@home.example`;
      const reference = await ask(channels, { email, onlyViaIsva });
      const at = nextDay();
      const booked = await bookRequest(db, vlo, reference, { startsAt: at("10:00"), endsAt: at("11:00") }, ORIGIN);
      if (!booked.ok) throw new Error(`booking refused: ${booked.reason}`);
      const meeting = await db.meeting.findFirstOrThrow({ where: { request: { reference } } });
      await rescheduleMeeting(db, vlo, reference, meeting.id, { startsAt: at("12:00"), endsAt: at("13:00"), reason: "Moved" }, ORIGIN);
      await cancelBookedMeeting(db, vlo, reference, meeting.id, "Cancelled", ORIGIN);
      const allowed = channels.includes("email") && !onlyViaIsva;
      // Booked, moved, cancelled: three messages, and the reminders were withdrawn.
      expect((await mailTo(email)).length, `choices ${mask}`).toBe(allowed ? 3 : 0);
    }
  }, 60_000);
});

describe("the request schema, on any input", () => {
  it("never throws, and anything it accepts has a safe way to make contact", () => {
    const value = fc.oneof(fc.string(), fc.constantFrom("email", "phone", "voicemail", "text", "yes", "kent", "EITHER", "VIDEO", "a@b.example", "01632 960123"), fc.integer(), fc.constant(null), fc.array(fc.string()));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom("name", "channels", "email", "phone", "onlyViaIsva", "isvaEmail", "forceId", "format", "topics", "access", "x"), value), (input) => {
        const parsed = meetingRequestSchema.safeParse(input);
        if (!parsed.success) return;
        const got = parsed.data;
        expect(got.channels.length > 0 || got.onlyViaIsva === "yes").toBe(true);
        if (got.channels.includes("email")) expect(got.email).toMatch(/^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/);
        if (got.isvaEmail !== undefined) expect(got.isvaEmail).toMatch(/^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/);
        expect(got.name.length).toBeGreaterThan(0);
        expect(got.name).toBe(got.name.trim());
        expect(got.name.length).toBeLessThanOrEqual(80);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("the pre-trial meeting letters", () => {
  it("are filled from a booked meeting of the staff member's own Area only", async () => {
    const reference = await ask(["phone"]);
    // 1 December 2031 is in winter: 09:30 UTC is 9:30am in London.
    await bookRequest(db, vlo, reference, { startsAt: new Date("2031-12-01T09:30:00Z"), endsAt: new Date("2031-12-01T10:30:00Z"), room: "Room 4, 1 Example Street" }, ORIGIN);
    expect(await meetingLetterValues(db, vlo, reference)).toEqual({
      victim_name: "Sam",
      meeting_date: "2031-12-01",
      meeting_time: "9:30am",
      by_video: "no",
      meeting_place: "Room 4, 1 Example Street",
      vlo_name: vlo.name,
    });
    const { user: elsewhere } = await makeUser(db, { roles: ["VLO"], areaId: "wessex" });
    expect(await meetingLetterValues(db, elsewhere, reference)).toEqual({});
    expect(await meetingLetterValues(db, vlo, "not-a-reference")).toEqual({});
  });
});

describe("meeting figures", () => {
  it("count requests, offers within the target in working days, meetings held and declined, for one Area", async () => {
    const now = new Date("2030-06-20T12:00:00Z");
    const make = (createdAt: string, offeredAt: string | null, status: "NEW" | "OFFERED" | "HELD" | "DECLINED") =>
      db.meetingRequest.create({
        data: {
          reference: `M-FIG${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
          areaId: "wessex",
          requestedBy: "VICTIM",
          contact: "x",
          needs: "x",
          safeEmail: false,
          safePhone: true,
          safeVoicemail: false,
          safeText: false,
          onlyViaIsva: false,
          status,
          createdAt: new Date(createdAt),
          offeredAt: offeredAt ? new Date(offeredAt) : null,
        },
      });
    // Thursday 6 June 2030 + 10 working days is Thursday 20 June.
    await make("2030-06-06T09:00:00Z", "2030-06-20T09:00:00Z", "HELD");
    await make("2030-06-06T09:00:00Z", "2030-06-21T09:00:00Z", "OFFERED");
    await make("2030-06-10T09:00:00Z", null, "DECLINED");
    await make("2030-06-11T09:00:00Z", null, "NEW");
    // Older than the 12 weeks: not counted.
    await make("2030-01-02T09:00:00Z", "2030-01-03T09:00:00Z", "HELD");
    // Beyond the years whose bank holidays are known: offered, but not counted against the target.
    await make("2031-01-06T09:00:00Z", "2031-01-07T09:00:00Z", "OFFERED");
    const { meetingInsight } = await import("~/features/meetings/insight.server.ts");
    expect(await meetingInsight(db, "wessex", { now })).toEqual({ requests: 4, offered: 2, offeredInTarget: 1, offeredUncounted: 0, targetDays: 10, held: 1, declined: 1 });
    expect(await meetingInsight(db, "wessex", { now: new Date("2031-02-01T12:00:00Z"), weeks: 6 })).toMatchObject({ requests: 1, offered: 1, offeredInTarget: 0, offeredUncounted: 1 });
  });
});
