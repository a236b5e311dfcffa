import { describe, expect, it } from "vitest";
import { addCalendarDays, isWorkingDay } from "~/features/dates/dates.ts";
import { deadlineFrom, withDerivedDeadlines } from "~/features/letters/deadlines.ts";
import { letterFileName, letterValues, valuesFromForm } from "~/features/letters/render-form.server.ts";

const declared = {
  letter_date: { type: "date", required: true },
  sentence_date: { type: "date", required: true },
  incident_date: { type: "date", required: true },
  review_deadline: { type: "date", required: true },
  uls_deadline: { type: "date", required: true },
  cica_deadline: { type: "date", required: true },
  area_name: { type: "text", required: true },
} as const;

describe("deadlines a scheme fixes", () => {
  it("gives the Victims' Right to Review 10 working days, not counting weekends or bank holidays", () => {
    // Monday 7 December 2026: 10 working days on is Monday 21 December.
    expect(deadlineFrom("vrr", "2026-12-07")).toBe("2026-12-21");
    // Over Christmas: 25 and 28 December 2026 (Boxing Day substitute) and 1 January 2027 are not counted.
    expect(deadlineFrom("vrr", "2026-12-18")).toBe("2027-01-06");
    // Over Easter 2027: Good Friday 26 March and Easter Monday 29 March.
    expect(deadlineFrom("vrr", "2027-03-22")).toBe("2027-04-07");
  });

  it("gives the Unduly Lenient Sentence scheme the last working day within 28 calendar days of the sentence", () => {
    expect(deadlineFrom("uls", "2026-12-07")).toBe("2027-01-04");
    expect(deadlineFrom("uls", "2027-02-10")).toBe("2027-03-10");
    // Day 28 is New Year's Day, a bank holiday.
    expect(deadlineFrom("uls", "2026-12-04")).toBe("2026-12-31");
  });

  it("never gives a sentence review date later than day 28, or one that is not a working day, in any letter version", () => {
    // Versions approved before the working-day rule say "28 days after the sentence" beside the same date.
    for (let sentence = "2025-01-01"; sentence < "2030-12-01"; sentence = addCalendarDays(sentence, 1)) {
      const last = deadlineFrom("uls", sentence);
      expect(isWorkingDay(last), sentence).toBe(true);
      expect(last <= addCalendarDays(sentence, 28), sentence).toBe(true);
      expect(last >= addCalendarDays(sentence, 24), sentence).toBe(true);
    }
  });

  it("gives criminal injuries compensation 2 years from the incident, and 28 February for 29 February", () => {
    expect(deadlineFrom("cica", "2026-12-07")).toBe("2028-12-07");
    expect(deadlineFrom("cica", "2028-02-29")).toBe("2030-02-28");
  });

  it("works each one out from its own date, whatever is typed", () => {
    const { values, problems } = withDerivedDeadlines(declared, {
      letter_date: "2026-12-07",
      sentence_date: "2026-12-01",
      incident_date: "2025-06-30",
    });
    expect(problems).toEqual([]);
    expect(values).toMatchObject({ review_deadline: "2026-12-21", uls_deadline: "2026-12-29", cica_deadline: "2027-06-30" });
  });

  it("refuses a typed review deadline that disagrees with the letter date, naming the right one", () => {
    // The case reported: dated 7 December, review deadline typed as 10 December (3 working days).
    const { problems } = withDerivedDeadlines(declared, { letter_date: "2026-12-07", review_deadline: "2026-12-10" });
    expect(problems).toEqual([expect.objectContaining({ code: "derivedMismatch", name: "review_deadline" })]);
    expect(problems[0]!.message).toContain("2026-12-21");
  });

  it("says so when a date is outside the years whose bank holidays are known", () => {
    const { problems, values } = withDerivedDeadlines(declared, { letter_date: "2099-01-05" });
    expect(problems).toEqual([expect.objectContaining({ code: "outsideYears", name: "review_deadline" })]);
    expect(values.review_deadline).toBeUndefined();
  });

  it("leaves out deadlines a letter does not declare", () => {
    const { values } = withDerivedDeadlines({ letter_date: declared.letter_date }, { letter_date: "2026-12-07" });
    expect(values).not.toHaveProperty("review_deadline");
  });
});

describe("a letter's values from the render form", () => {
  const area = { nameEn: "CPS London South", nameCy: "CPS Llundain De" };
  const form = new FormData();
  form.set("v.letter_date", "2026-12-07");
  form.set("v.review_deadline", "2026-12-10");
  form.set("v.area_name", "Typed Area");

  it("never takes a deadline or the Area's name from what was typed", () => {
    const values = letterValues(form, declared, area, "en");
    expect(values.review_deadline).toBe("2026-12-21");
    expect(values.area_name).toBe("CPS London South");
  });

  it("names the Area in the letter's language", () => {
    expect(letterValues(form, declared, area, "cy").area_name).toBe("CPS Llundain De");
  });

  it("gives a Welsh PDF a Welsh file name, so it does not overwrite the English one", () => {
    const names = { en: "Decision not to charge", cy: "Penderfyniad i beidio â chyhuddo" };
    expect(letterFileName("decision-not-to-charge", names, "en")).toBe("decision-not-to-charge.pdf");
    expect(letterFileName("decision-not-to-charge", names, "cy")).toBe("penderfyniad-i-beidio-a-chyhuddo.pdf");
  });
});

describe("a letter's date from GOV.UK's three boxes", () => {
  const boxes = (day: string, month: string, year: string) => {
    const form = new FormData();
    form.set("v.letter_date.day", day);
    form.set("v.letter_date.month", month);
    form.set("v.letter_date.year", year);
    return valuesFromForm(form, declared).letter_date;
  };

  it("reads the day, month (a number or a name) and year as a date", () => {
    expect(boxes("7", "12", "2026")).toBe("2026-12-07");
    expect(boxes(" 16 ", "November", "2026")).toBe("2026-11-16");
    expect(boxes("1", "feb", "2027")).toBe("2027-02-01");
  });

  it("passes on what makes no date as typed, for the letter's checks to refuse, and nothing when all three are empty", () => {
    expect(boxes("31", "2", "2027")).toBe("2027-2-31");
    expect(boxes("", "", "")).toBeUndefined();
  });
});
