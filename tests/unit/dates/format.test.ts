import { describe, expect, it } from "vitest";
import { dueState, formatDate, formatDateTime, formatLongDate, formatTime, happensTwice, zoneName } from "~/features/dates/format.ts";

describe("formatDate", () => {
  it.each([
    ["2026-12-11", "en", "11 December 2026"],
    ["2026-12-11", "cy", "11 Rhagfyr 2026"],
    ["2027-01-01", "en", "1 January 2027"],
  ] as const)("%s in %s is %s", (date, lang, expected) => {
    expect(formatDate(date, lang)).toBe(expected);
  });

  it("gives an instant's date in UK time, whatever the server's zone", () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
    expect(formatDate(new Date("2026-06-30T23:30:00Z"), "en")).toBe("1 July 2026");
    expect(formatDate(new Date("2026-12-31T23:30:00Z"), "en")).toBe("31 December 2026");
  });
});

describe("formatLongDate", () => {
  it("puts a Welsh weekday in lower case mid-sentence, and capitalises it at the start", () => {
    expect(formatLongDate("2026-12-07", "cy")).toBe("dydd Llun 7 Rhagfyr 2026");
    expect(formatLongDate("2026-12-07", "cy", { start: true })).toBe("Dydd Llun 7 Rhagfyr 2026");
    expect(formatLongDate("2026-12-07", "en")).toBe("Monday 7 December 2026");
  });
});

describe("formatTime", () => {
  it.each([
    ["2026-12-11T14:30:00Z", "en", "2:30pm"],
    ["2026-12-11T14:30:00Z", "cy", "2:30yp"],
    ["2026-12-11T09:00:00Z", "en", "9am"],
    ["2026-12-11T09:00:00Z", "cy", "9yb"],
    ["2026-12-11T12:00:00Z", "en", "12pm"],
    ["2026-12-11T00:05:00Z", "en", "12:05am"],
    // BST: 13:30 UTC is 2:30pm in London.
    ["2026-07-01T13:30:00Z", "en", "2:30pm"],
  ] as const)("%s in %s is %s", (at, lang, expected) => {
    expect(formatTime(new Date(at), lang)).toBe(expected);
  });

  it("tells the two 1:30ams apart on the day the clocks go back, by naming their zone", () => {
    const first = new Date("2026-10-25T00:30:00Z");
    const second = new Date("2026-10-25T01:30:00Z");
    expect([zoneName(first), zoneName(second)]).toEqual(["BST", "GMT"]);
    expect(formatTime(first, "en")).toBe("1:30am BST");
    expect(formatTime(second, "en")).toBe("1:30am GMT");
    expect(formatTime(second, "cy")).toBe("1:30yb GMT");
    expect(formatDateTime(first, "en")).toBe("25 October 2026 at 1:30am BST");
    expect(formatTime(first, "en", { zone: false })).toBe("1:30am");
    // Only the repeated hour: the times either side of it, and the day the clocks go forward, need no zone.
    expect(happensTwice(new Date("2026-10-24T23:59:00Z"))).toBe(false);
    expect(formatTime(new Date("2026-10-25T02:00:00Z"), "en")).toBe("2am");
    expect(formatTime(new Date("2026-03-29T01:00:00Z"), "en")).toBe("2am");
    expect(formatTime(new Date("2026-03-29T00:59:00Z"), "en")).toBe("12:59am");
    expect(formatTime(new Date("2026-12-11T14:30:00Z"), "en", { zone: true })).toBe("2:30pm GMT");
  });

  it("joins a date and a time", () => {
    expect(formatDateTime(new Date("2026-12-11T14:30:00Z"), "en")).toBe("11 December 2026 at 2:30pm");
    expect(formatDateTime(new Date("2026-12-11T14:30:00Z"), "cy")).toBe("11 Rhagfyr 2026 am 2:30yp");
  });
});

describe("dueState", () => {
  it.each([
    ["2026-12-07", "2026-12-07", { state: "today" }],
    ["2026-12-04", "2026-12-07", { state: "overdue", days: 3 }],
    // Friday to Tuesday is 2 working days.
    ["2026-12-08", "2026-12-04", { state: "soon", workingDays: 2 }],
    ["2026-12-18", "2026-12-07", { state: "later", workingDays: 9 }],
    // Christmas Day and Boxing Day (moved to Monday 28th) are not working days.
    ["2026-12-30", "2026-12-24", { state: "soon", workingDays: 2 }],
  ] as const)("due %s, today %s", (due, today, expected) => {
    expect(dueState(due, today)).toEqual(expected);
  });
});
