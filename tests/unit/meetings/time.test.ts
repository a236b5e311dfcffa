import { describe, expect, it } from "vitest";
import { readDateParts } from "~/features/dates/dates.ts";
import { londonParts, readClockTime, readTime } from "~/features/meetings/time.server.ts";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};
const NOW = new Date("2027-03-01T09:00:00Z");

describe("readClockTime", () => {
  it.each([
    ["14:00", "14:00"],
    ["9:05", "09:05"],
    ["14.30", "14:30"],
    ["1430", "14:30"],
    ["9", "09:00"],
    ["2pm", "14:00"],
    ["2 PM", "14:00"],
    ["2:30pm", "14:30"],
    ["2.30 p.m.", "14:30"],
    ["10am", "10:00"],
    ["12pm", "12:00"],
    ["12am", "00:00"],
    ["12:15am", "00:15"],
    ["noon", "12:00"],
    ["Midday", "12:00"],
    ["2yh", "14:00"],
    ["9.30yb", "09:30"],
  ])("reads %s as %s", (typed, expected) => {
    expect(readClockTime(typed)).toBe(expected);
  });

  it.each(["", "24:00", "14:60", "13pm", "0am", "2:3pm", "14:00pm", "lunchtime", "123", "12345", "2 30"])("refuses %j", (typed) => {
    expect(readClockTime(typed)).toBeNull();
  });
});

describe("readDateParts", () => {
  it("reads numbers, with or without leading zeros, and English month names", () => {
    expect(readDateParts("5", "3", "2027")).toBe("2027-03-05");
    expect(readDateParts(" 05 ", "03", "2027")).toBe("2027-03-05");
    expect(readDateParts("5", "March", "2027")).toBe("2027-03-05");
    expect(readDateParts("5", "sept", "2027")).toBe("2027-09-05");
    expect(readDateParts("5", "Dec", "2027")).toBe("2027-12-05");
  });

  it("refuses a date that does not exist, a two-digit year and a missing part", () => {
    expect(readDateParts("31", "4", "2027")).toBeNull();
    expect(readDateParts("29", "2", "2027")).toBeNull();
    expect(readDateParts("29", "2", "2028")).toBe("2028-02-29");
    expect(readDateParts("5", "3", "27")).toBeNull();
    expect(readDateParts("", "3", "2027")).toBeNull();
    expect(readDateParts("5", "13", "2027")).toBeNull();
    expect(readDateParts("5", "ma", "2027")).toBeNull();
    expect(readDateParts("5", "marchy", "2027")).toBeNull();
  });
});

describe("readTime", () => {
  const fields = { "date.day": "10", "date.month": "5", "date.year": "2027", start: "2:30pm", length: "60", room: "Room 2" };

  it("gives the London instant: 2:30pm in summer time is 13:30 UTC", () => {
    const time = readTime(form(fields), NOW);
    expect(time.ok && time.startsAt.toISOString()).toBe("2027-05-10T13:30:00.000Z");
    expect(time.ok && time.endsAt.toISOString()).toBe("2027-05-10T14:30:00.000Z");
    expect(time.ok && time.room).toBe("Room 2");
  });

  it("says which field is wrong, and keeps what was typed", () => {
    const badDate = readTime(form({ ...fields, "date.day": "31", "date.month": "6" }), NOW);
    expect(badDate).toMatchObject({ ok: false, field: "date", error: "meetings.errors.date", typed: { day: "31", month: "6", year: "2027", start: "2:30pm" } });
    const badStart = readTime(form({ ...fields, start: "half two" }), NOW);
    expect(badStart).toMatchObject({ ok: false, field: "start", error: "meetings.errors.start", typed: { start: "half two", room: "Room 2" } });
  });

  it("asks which 1:30am is meant on the day the clocks go back, and takes BST or GMT typed after the time", () => {
    const clocksBack = { ...fields, "date.day": "31", "date.month": "10" };
    expect(readTime(form({ ...clocksBack, start: "1:30am" }), NOW)).toMatchObject({ ok: false, field: "start", error: "meetings.errors.clockBack", typed: { start: "1:30am" } });
    const first = readTime(form({ ...clocksBack, start: "1:30am BST" }), NOW);
    const second = readTime(form({ ...clocksBack, start: "01:30 gmt" }), NOW);
    expect(first.ok && first.startsAt.toISOString()).toBe("2027-10-31T00:30:00.000Z");
    expect(second.ok && second.startsAt.toISOString()).toBe("2027-10-31T01:30:00.000Z");
    // An hour later there is only one 2:30am, and a zone that day does not have is refused.
    const later = readTime(form({ ...clocksBack, start: "2:30am" }), NOW);
    expect(later.ok && later.startsAt.toISOString()).toBe("2027-10-31T02:30:00.000Z");
    expect(readTime(form({ ...fields, start: "2:30pm GMT" }), NOW)).toMatchObject({ ok: false, field: "start", error: "meetings.errors.zoneWrong" });
    const summer = readTime(form({ ...fields, start: "2:30pm BST" }), NOW);
    expect(summer.ok && summer.startsAt.toISOString()).toBe("2027-05-10T13:30:00.000Z");
  });

  it("refuses a time the clocks skip, the past, and a date years away", () => {
    expect(readTime(form({ ...fields, "date.day": "28", "date.month": "3", start: "1:30am" }), NOW)).toMatchObject({
      ok: false,
      field: "start",
      error: "meetings.errors.clockChange",
    });
    expect(readTime(form({ ...fields, "date.month": "2" }), NOW)).toMatchObject({ ok: false, field: "date", error: "meetings.errors.past" });
    expect(readTime(form({ ...fields, "date.year": "2033" }), NOW)).toMatchObject({ ok: false, field: "date", error: "meetings.errors.tooFar" });
  });
});

describe("londonParts", () => {
  it("gives a meeting's London day, month, year and start for the form", () => {
    expect(londonParts(new Date("2027-05-10T13:30:00Z"))).toEqual({ day: "10", month: "5", year: "2027", start: "14:30" });
  });

  it("names the zone of a time in the hour the clocks go back, so the form reads back the same instant", () => {
    const second = new Date("2027-10-31T01:30:00.000Z");
    const parts = londonParts(second);
    expect(parts.start).toBe("01:30 GMT");
    const again = readTime(form({ "date.day": parts.day, "date.month": parts.month, "date.year": parts.year, start: parts.start, length: "60", room: "" }), NOW);
    expect(again.ok && again.startsAt.toISOString()).toBe(second.toISOString());
    const spelled = readTime(form({ "date.day": "31", "date.month": "10", "date.year": "2027", start: "1:30 a.m. GMT", length: "60", room: "" }), NOW);
    expect(spelled.ok && spelled.startsAt.toISOString()).toBe(second.toISOString());
  });
});
