import { describe, expect, it } from "vitest";
import { walkthrough } from "~/features/walkthrough/content.server.ts";
import { answerDeadline } from "~/features/walkthrough/pages.server.ts";

const split = (date: string) => {
  const [year, month, day] = date.split("-");
  return { day, month, year };
};

describe("the walkthrough's date box", () => {
  const strings = walkthrough("en").deadline;

  it("says the sentence review's last day has passed once the last working day has gone, though day 28 has not", () => {
    // Sentence on Friday 4 December 2026: day 28 is New Year's Day, so the last day is Thursday 31 December.
    const onTheDay = answerDeadline("en", "unduly-lenient-sentence", split("2026-12-04"), "2026-12-31");
    expect(onTheDay).toMatchObject({ ok: true, result: expect.stringContaining("Thursday 31 December 2026"), explain: expect.stringContaining("28 days"), passed: undefined });
    const dayAfter = answerDeadline("en", "unduly-lenient-sentence", split("2026-12-04"), "2027-01-01");
    // Said in the past tense, without "send your request as early as you can".
    expect(dayAfter).toMatchObject({
      ok: true,
      result: "The last day the Attorney General's Office could send the case to the Court of Appeal was Thursday 31 December 2026, by 5pm.",
      passed: strings["unduly-lenient-sentence"].passed,
    });
    expect(dayAfter).not.toHaveProperty("explain", expect.anything());
  });

  it.each([
    ["unduly-lenient-sentence", "2023-06-01"],
    ["right-to-review", "2023-12-20"],
  ] as const)("answers %s told on %s, before the years whose bank holidays are known, with 'passed'", (id, told) => {
    const answer = answerDeadline("en", id, split(told), "2026-12-07");
    expect(answer).toEqual({ ok: true, deadline: id, result: strings[id].passed });
  });

  it("counts a right to review told just before the known years as not yet passed, since its last day may still be to come", () => {
    // Told Friday 22 December 2023: the 10 working days end on Wednesday 10 January 2024.
    expect(answerDeadline("en", "right-to-review", split("2023-12-22"), "2024-01-05")).toMatchObject({ ok: false, error: "forms.dateOutsideYears" });
  });

  it("still says it cannot count a date whose last day may not have come, in years not yet known", () => {
    const answer = answerDeadline("cy", "unduly-lenient-sentence", split("2031-01-20"), "2031-02-01");
    expect(answer).toMatchObject({ ok: false, error: "forms.dateOutsideYears" });
  });

  it("gives the Welsh 'passed' answer in Welsh", () => {
    const answer = answerDeadline("cy", "unduly-lenient-sentence", split("2020-03-02"), "2026-12-07");
    expect(answer).toMatchObject({ ok: true, result: walkthrough("cy").deadline["unduly-lenient-sentence"].passed });
  });
});
