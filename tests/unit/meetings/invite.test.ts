// Calendar invites, read back with an independent parser (ical.js): the same
// UID across versions, a neutral title in the victim's language, the right
// local time on both sides of a clock change, and no way to inject lines.
import ICAL from "ical.js";
import { afterEach, describe, expect, it } from "vitest";
import { buildInvite, InviteInputError, type InviteInput } from "~/features/meetings/invite.server.ts";

const base: InviteInput = {
  meetingId: "5b0e8a0c-4c1f-4a8e-9d55-2f7a3c1e9b10",
  origin: "https://portal.example",
  sequence: 0,
  method: "REQUEST",
  startsAt: new Date("2026-03-30T09:00:00Z"),
  endsAt: new Date("2026-03-30T10:00:00Z"),
  lang: "en",
  mode: "IN_PERSON",
  location: "Room 3, 1 Example Street, Cardiff",
  organiser: { name: "CPS Cymru-Wales RASSO unit", email: "rasso.wales@cps.example" },
  attendees: [
    { name: "Sam", email: "sam@example.org" },
    { email: "isva.worker@support.example" },
  ],
  stamp: new Date("2026-03-02T12:00:00Z"),
};

/** Parses an invite, registering the VTIMEZONE it carries (and no other) before any time is read. */
function parse(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(content));
  ICAL.TimezoneService.reset();
  for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(vtimezone);
  const vevent = calendar.getFirstSubcomponent("vevent")!;
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

const mailbox = (value: unknown) => String(value).replace(/^mailto:/i, "");

describe("buildInvite", () => {
  it("makes a REQUEST with a stable UID, the sequence, a confirmed status and a private event", () => {
    const invite = buildInvite({ ...base, sequence: 3 });
    expect(invite.filename).toBe("invite.ics");
    expect(invite.contentType).toBe("text/calendar; charset=utf-8; method=REQUEST");
    const { calendar, vevent, event } = parse(invite.content);
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(event.uid).toBe(`${base.meetingId}@portal.example`);
    expect(event.sequence).toBe(3);
    expect(vevent.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(vevent.getFirstPropertyValue("class")).toBe("PRIVATE");
    expect(vevent.getFirstPropertyValue("dtstamp")?.toString()).toBe("2026-03-02T12:00:00Z");
    expect(calendar.getAllSubcomponents("vevent")).toHaveLength(1);
  });

  it("takes the UID's domain from the origin's host name, whatever its port or path", () => {
    const { event } = parse(buildInvite({ ...base, origin: "http://localhost:3000/" }).content);
    expect(event.uid).toBe(`${base.meetingId}@localhost`);
  });

  it.each([
    {
      lang: "en" as const,
      summary: "Meeting with the prosecution team",
      inPerson: "Your in-person meeting with the prosecution team: if you need to change it, contact the Victim Liaison Officer who arranged it.",
      video: "Your video meeting with the prosecution team: if you need to change it, contact the Victim Liaison Officer who arranged it.",
    },
    {
      lang: "cy" as const,
      summary: "Cyfarfod gyda'r tîm erlyn",
      inPerson: "Eich cyfarfod wyneb yn wyneb gyda'r tîm erlyn: os oes angen i chi ei newid, cysylltwch â'r Swyddog Cyswllt Dioddefwyr a'i drefnodd.",
      video: "Eich cyfarfod drwy fideo gyda'r tîm erlyn: os oes angen i chi ei newid, cysylltwch â'r Swyddog Cyswllt Dioddefwyr a'i drefnodd.",
    },
  ])("writes a neutral title and description in $lang", ({ lang, summary, inPerson, video }) => {
    const inRoom = parse(buildInvite({ ...base, lang }).content).event;
    expect(inRoom.summary).toBe(summary);
    expect(inRoom.description).toBe(inPerson);
    expect(inRoom.location).toBe("Room 3, 1 Example Street, Cardiff");

    const online = parse(buildInvite({ ...base, lang, mode: "VIDEO", location: undefined }).content);
    expect(online.event.summary).toBe(summary);
    expect(online.event.description).toBe(video);
    expect(online.vevent.hasProperty("location")).toBe(false);
  });

  it("leaves the location out of a meeting in person when no room is given", () => {
    const { vevent } = parse(buildInvite({ ...base, location: "   " }).content);
    expect(vevent.hasProperty("location")).toBe(false);
  });

  it("lists the organiser and exactly the attendees given", () => {
    const { event } = parse(buildInvite(base).content);
    expect(mailbox(event.organizer)).toBe("rasso.wales@cps.example");
    expect(event.component.getFirstProperty("organizer")!.getParameter("cn")).toBe("CPS Cymru-Wales RASSO unit");
    const attendees = event.attendees.map((attendee) => ({
      email: mailbox(attendee.getFirstValue()),
      name: attendee.getParameter("cn"),
      role: attendee.getParameter("role"),
    }));
    expect(attendees).toEqual([
      { email: "sam@example.org", name: "Sam", role: "REQ-PARTICIPANT" },
      { email: "isva.worker@support.example", name: undefined, role: "REQ-PARTICIPANT" },
    ]);
  });

  describe("local times across the clock changes", () => {
    it.each([
      { day: "Friday 27 March 2026 (GMT)", startsAt: "2026-03-27T10:00:00Z", local: "2026-03-27T10:00:00", offset: "+0000" },
      { day: "Monday 30 March 2026 (BST)", startsAt: "2026-03-30T09:00:00Z", local: "2026-03-30T10:00:00", offset: "+0100" },
      { day: "Friday 23 October 2026 (BST)", startsAt: "2026-10-23T09:00:00Z", local: "2026-10-23T10:00:00", offset: "+0100" },
      { day: "Monday 26 October 2026 (GMT)", startsAt: "2026-10-26T10:00:00Z", local: "2026-10-26T10:00:00", offset: "+0000" },
    ])("puts a 10:00 meeting on $day at 10:00 London time", ({ startsAt, local, offset }) => {
      const start = new Date(startsAt);
      const end = new Date(start.getTime() + 90 * 60_000);
      const { content } = buildInvite({ ...base, startsAt: start, endsAt: end });
      const { vevent, event } = parse(content);

      const dtstart = vevent.getFirstProperty("dtstart")!;
      expect(dtstart.getParameter("tzid")).toBe("Europe/London");
      expect(content).toContain(`DTSTART;TZID=Europe/London:${local.replace(/[-:]/g, "")}\r\n`);
      expect(event.startDate.zone?.tzid).toBe("Europe/London");
      expect(event.startDate.toString()).toBe(local);
      expect(event.startDate.toJSDate().toISOString()).toBe(start.toISOString());
      expect(event.startDate.convertToZone(ICAL.Timezone.utcTimezone).toString()).toBe(startsAt);
      expect(ICAL.TimezoneService.get("Europe/London").utcOffset(event.startDate)).toBe(offset === "+0100" ? 3600 : 0);

      expect(vevent.getFirstProperty("dtend")!.getParameter("tzid")).toBe("Europe/London");
      expect(event.endDate.toJSDate().toISOString()).toBe(end.toISOString());
      expect(event.endDate.hour).toBe(11);
      expect(event.endDate.minute).toBe(30);
    });

    it("carries one VTIMEZONE for Europe/London with both of its rules", () => {
      const { calendar } = parse(buildInvite(base).content);
      const vtimezones = calendar.getAllSubcomponents("vtimezone");
      expect(vtimezones.map((vtimezone) => vtimezone.getFirstPropertyValue("tzid"))).toEqual(["Europe/London"]);
      const rules = vtimezones[0]!.getAllSubcomponents().map((rule) => [rule.name, String(rule.getFirstPropertyValue("tzoffsetto"))]);
      expect(rules).toEqual([
        ["daylight", "+01:00"],
        ["standard", "+00:00"],
      ]);
    });

    describe("whatever the server's own time zone", () => {
      const original = process.env.TZ;
      afterEach(() => {
        if (original === undefined) delete process.env.TZ;
        else process.env.TZ = original;
      });

      it.each(["UTC", "America/New_York", "Pacific/Auckland", "Asia/Kolkata"])("gives the same file in %s", (zone) => {
        process.env.TZ = "Europe/London";
        const expected = buildInvite(base).content;
        process.env.TZ = zone;
        expect(buildInvite(base).content).toBe(expected);
        expect(expected).toContain("DTSTART;TZID=Europe/London:20260330T100000\r\n");
        expect(expected).toContain("DTSTAMP:20260302T120000Z\r\n");
      });
    });
  });

  it("cancels with the same UID, a higher sequence, METHOD:CANCEL and STATUS:CANCELLED", () => {
    const booked = buildInvite({ ...base, sequence: 0 });
    const cancelled = buildInvite({ ...base, method: "CANCEL", sequence: 1 });
    expect(cancelled.filename).toBe("cancellation.ics");
    expect(cancelled.contentType).toBe("text/calendar; charset=utf-8; method=CANCEL");

    const before = parse(booked.content);
    const after = parse(cancelled.content);
    expect(after.calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(after.vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(after.event.uid).toBe(before.event.uid);
    expect(after.event.sequence).toBeGreaterThan(before.event.sequence);
    expect(after.event.summary).toBe("Meeting with the prosecution team");
    expect(after.event.description).toBe(
      "Your meeting with the prosecution team is cancelled: if you have any questions, contact the Victim Liaison Officer who arranged it.",
    );
    expect(after.event.attendees.map((attendee) => mailbox(attendee.getFirstValue()))).toEqual([
      "sam@example.org",
      "isva.worker@support.example",
    ]);
    expect(after.event.startDate.toJSDate().toISOString()).toBe(base.startsAt.toISOString());
  });

  it("cancels in Welsh too", () => {
    const { event } = parse(buildInvite({ ...base, lang: "cy", method: "CANCEL", sequence: 2 }).content);
    expect(event.summary).toBe("Cyfarfod gyda'r tîm erlyn");
    expect(event.description).toBe(
      "Mae eich cyfarfod gyda'r tîm erlyn wedi'i ganslo: os oes gennych chi unrhyw gwestiynau, cysylltwch â'r Swyddog Cyswllt Dioddefwyr a'i drefnodd.",
    );
  });

  it("writes CRLF lines of at most 75 octets, folding Welsh text between characters", () => {
    const { content } = buildInvite({ ...base, lang: "cy", location: "Ystafell 3, Tŷ'r Llys, Ffordd y Frenhines, Caerdydd, CF10 1AA" });
    expect(content.endsWith("\r\n")).toBe(true);
    const lines = content.slice(0, -2).split("\r\n");
    for (const line of lines) {
      expect(line).not.toMatch(/[\r\n]/);
      expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    }
    expect(parse(content).event.location).toBe("Ystafell 3, Tŷ'r Llys, Ffordd y Frenhines, Caerdydd, CF10 1AA");
  });

  describe("refuses input that could alter or break the file", () => {
    const injected = "Room 3\r\nATTENDEE:mailto:someone@attacker.example";
    it.each<[string, Partial<InviteInput>, RegExp]>([
      ["CR/LF in the location", { location: injected }, /location must be one line/],
      ["a bare LF in the location", { location: "Room 3\nBEGIN:VALARM" }, /location must be one line/],
      ["a bare CR in the location", { location: "Room 3\rX" }, /location must be one line/],
      ["a Unicode line separator in the location", { location: "Room 3\u2028X" }, /location must be one line/],
      ["CR/LF in an attendee's name", { attendees: [{ name: "Sam\r\nORGANIZER:mailto:x@attacker.example", email: "sam@example.org" }] }, /attendee's name must be one line/],
      ["LF in the organiser's name", { organiser: { name: "CPS\nX-INJECTED:1", email: "rasso.wales@cps.example" } }, /organiser's name must be one line/],
      ["a double quote in a name", { attendees: [{ name: 'Sam":mailto:x@attacker.example', email: "sam@example.org" }] }, /double quote/],
      ["an address with CR/LF", { attendees: [{ email: "sam@example.org\r\nATTENDEE:mailto:x@attacker.example" }] }, /attendee's e-mail address must be one plain/],
      ["an address with a display name", { attendees: [{ email: "Sam <sam@example.org>" }] }, /attendee's e-mail address must be one plain/],
      ["two addresses in one", { attendees: [{ email: "sam@example.org,x@attacker.example" }] }, /attendee's e-mail address must be one plain/],
      ["an organiser address that is not plain", { organiser: { name: "CPS", email: "rasso@cps.example;x" } }, /organiser's e-mail address must be one plain/],
      ["no attendees", { attendees: [] }, /at least one attendee/],
      ["an end before the start", { endsAt: new Date("2026-03-30T08:00:00Z") }, /end after it starts/],
      ["an end equal to the start", { endsAt: new Date("2026-03-30T09:00:00Z") }, /end after it starts/],
      ["an invalid date", { startsAt: new Date("not a date") }, /real times/],
      ["a negative sequence", { sequence: -1 }, /sequence must be a whole number/],
      ["a fractional sequence", { sequence: 1.5 }, /sequence must be a whole number/],
      ["a sequence that is not a number", { sequence: Number.NaN }, /sequence must be a whole number/],
      ["a meeting id with a line break", { meetingId: "abc\r\nUID:other" }, /meeting id/],
      ["a meeting id with an @", { meetingId: "abc@attacker.example" }, /meeting id/],
      ["an origin that is not a web address", { origin: "javascript:alert(1)" }, /origin/],
      ["a location for a video meeting", { mode: "VIDEO", location: "Room 3" }, /video meeting has no location/],
    ])("%s", (_name, change, message) => {
      expect(() => buildInvite({ ...base, ...change })).toThrow(InviteInputError);
      expect(() => buildInvite({ ...base, ...change })).toThrow(message);
    });
  });
});
