import { describe, expect, it } from "vitest";
import { relativeDayKey } from "~/components/ui/RelativeDay.tsx";
import { relativeDay } from "~/features/dates/format.ts";

describe("relativeDay", () => {
  const today = "2026-12-07";
  it.each([
    ["2026-12-07", { when: "today" }],
    ["2026-12-06", { when: "past", days: 1 }],
    ["2026-11-30", { when: "past", days: 7 }],
    ["2026-12-08", { when: "future", days: 1 }],
    ["2027-01-06", { when: "future", days: 30 }],
  ] as const)("%s from %s is %j", (date, expected) => {
    expect(relativeDay(date, today)).toEqual(expected);
  });

  it("takes an instant's UK date: 23:30 UTC on 30 June is 1 July in London", () => {
    expect(relativeDay(new Date("2027-06-30T23:30:00Z"), "2027-07-01")).toEqual({ when: "today" });
    // Across the clocks going forward, a day is still one day.
    expect(relativeDay("2027-03-28", "2027-03-27")).toEqual({ when: "future", days: 1 });
  });

  it("is said as today, yesterday, tomorrow, or a number of days", () => {
    expect(relativeDayKey({ when: "today" })).toEqual(["workspace.relative.today"]);
    expect(relativeDayKey({ when: "past", days: 1 })).toEqual(["workspace.relative.yesterday"]);
    expect(relativeDayKey({ when: "future", days: 1 })).toEqual(["workspace.relative.tomorrow"]);
    expect(relativeDayKey({ when: "past", days: 4 })).toEqual(["workspace.relative.daysAgo", { count: 4 }]);
    expect(relativeDayKey({ when: "future", days: 5 })).toEqual(["workspace.relative.inDays", { count: 5 }]);
  });
});
