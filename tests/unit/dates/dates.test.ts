import { describe, expect, it } from "vitest";
import {
  addCalendarDays,
  addWorkingDays,
  isBankHoliday,
  makeDate,
  OutsideCoveredYearsError,
  parsePastDate,
  todayInLondon,
  workingDaysBetween,
} from "~/features/dates/dates.ts";
import { lastDayToAct } from "~/features/walkthrough/deadlines.ts";

describe("addWorkingDays", () => {
  it.each([
    // told on, working days, last day, why
    ["2026-11-23", 10, "2026-12-07", "a Monday: two plain weeks"],
    ["2026-11-27", 1, "2026-11-30", "a Friday: the next working day is Monday"],
    ["2026-11-28", 1, "2026-11-30", "a Saturday: counting starts on Monday"],
    ["2026-11-29", 10, "2026-12-11", "a Sunday: Monday is day one"],
    ["2026-12-18", 10, "2027-01-06", "over Christmas, Boxing Day's substitute (28th) and New Year"],
    ["2026-12-25", 1, "2026-12-29", "told on Christmas Day, a Friday"],
    ["2026-12-31", 1, "2027-01-04", "the year boundary, with New Year's Day on a Friday"],
    ["2027-12-24", 1, "2027-12-29", "Christmas and Boxing Day at a weekend, both substituted"],
    ["2026-04-02", 1, "2026-04-07", "Good Friday and Easter Monday"],
    ["2026-04-03", 10, "2026-04-20", "told on Good Friday"],
    ["2026-05-22", 1, "2026-05-26", "spring bank holiday"],
    ["2026-08-28", 1, "2026-09-01", "summer bank holiday"],
    ["2027-12-31", 1, "2028-01-04", "New Year's Day on a Saturday: substitute Monday"],
    ["2026-11-23", 0, "2026-11-23", "zero days is the same day"],
  ])("%s + %i working days = %s (%s)", (from, days, expected) => {
    expect(addWorkingDays(from, days)).toBe(expected);
  });

  it("refuses dates whose bank holidays are not known", () => {
    expect(() => addWorkingDays("2031-03-03", 5)).toThrow(OutsideCoveredYearsError);
    expect(() => addWorkingDays("2030-12-20", 10)).toThrow(OutsideCoveredYearsError);
  });

  it("counts back what it counted forward", () => {
    for (const from of ["2026-01-02", "2026-12-18", "2027-03-25", "2028-12-22"]) {
      for (const days of [1, 5, 10, 20]) expect(workingDaysBetween(from, addWorkingDays(from, days))).toBe(days);
    }
  });
});

describe("the deadlines of the walkthrough", () => {
  it.each([
    ["right-to-review", "2026-11-23", "2026-12-07"],
    ["right-to-review", "2026-12-19", "2027-01-06"],
    ["unduly-lenient-sentence", "2026-11-23", "2026-12-21"],
    ["unduly-lenient-sentence", "2026-12-10", "2027-01-07"],
    ["unduly-lenient-sentence", "2028-02-01", "2028-02-29"],
    // Day 28 a Saturday after Christmas Day: back to Thursday 24 December.
    ["unduly-lenient-sentence", "2026-11-28", "2026-12-24"],
    // Day 28 New Year's Day: Thursday 31 December, as GOV.UK's own example.
    ["unduly-lenient-sentence", "2026-12-04", "2026-12-31"],
    // Day 28 Easter Monday 2027, after Good Friday: Thursday 25 March.
    ["unduly-lenient-sentence", "2027-03-01", "2027-03-25"],
  ] as const)("%s told on %s: last day %s", (id, told, expected) => {
    expect(lastDayToAct(id, told)).toBe(expected);
  });
});

describe("calendar helpers", () => {
  it("adds calendar days across months, years and leap days", () => {
    expect(addCalendarDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addCalendarDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addCalendarDays("2027-02-28", 1)).toBe("2027-03-01");
  });

  it("knows bank holidays, including substitutes", () => {
    expect(isBankHoliday("2026-12-28")).toBe(true);
    expect(isBankHoliday("2026-12-26")).toBe(false);
    expect(isBankHoliday("2026-11-23")).toBe(false);
  });

  it("accepts only real dates", () => {
    expect(makeDate(2026, 2, 29)).toBeNull();
    expect(makeDate(2028, 2, 29)).toBe("2028-02-29");
    expect(makeDate(2026, 13, 1)).toBeNull();
    expect(makeDate(2026, 4, 31)).toBeNull();
  });

  it("gives today's date in London across the clock change", () => {
    expect(todayInLondon(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
    expect(todayInLondon(new Date("2026-12-31T23:30:00Z"))).toBe("2026-12-31");
  });
});

describe("parsePastDate", () => {
  const today = "2026-11-23";
  it.each([
    [{ day: "7", month: "10", year: "2026" }, { date: "2026-10-07" }],
    [{ day: " 07 ", month: "01", year: "2026" }, { date: "2026-01-07" }],
    [{ day: "23", month: "11", year: "2026" }, { date: "2026-11-23" }],
    [{ day: "", month: "10", year: "2026" }, { error: "forms.dateIncomplete" }],
    [{}, { error: "forms.dateIncomplete" }],
    [{ day: "31", month: "9", year: "2026" }, { error: "forms.dateInvalid" }],
    [{ day: "1", month: "Oct", year: "2026" }, { error: "forms.dateInvalid" }],
    [{ day: "1", month: "10", year: "26" }, { error: "forms.dateInvalid" }],
    [{ day: "24", month: "11", year: "2026" }, { error: "forms.dateInFuture" }],
    [{ day: "1", month: "1", year: "1999" }, { error: "forms.dateTooOld" }],
  ])("%j gives %j", (input, expected) => {
    expect(parsePastDate(input, today)).toEqual(expected);
  });
});
