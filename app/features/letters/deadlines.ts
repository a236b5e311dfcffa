// Deadlines a letter states that a scheme fixes, derived from the date they run
// from, so a letter can never print a deadline that disagrees with its dates:
//   review_deadline  Victims' Right to Review: 10 working days after the letter date
//                    (weekends and England and Wales bank holidays not counted)
//   uls_deadline     Unduly Lenient Sentence scheme: the last working day
//                    within 28 calendar days after sentence, the last day the
//                    Attorney General's Office can refer it (by 5pm). Outcome
//                    letters approved before this rule say "28 days after the
//                    sentence, counting weekends and bank holidays" beside it;
//                    they get the same date, which is never later than the
//                    true last day, until an editor approves the new text.
//   cica_deadline    Criminal Injuries Compensation: 2 years after the incident
// Pure: the render form, the PDF and the editors' preview share it.
import { addWorkingDays, lastWorkingDayWithin, makeDate, OutsideCoveredYearsError, type IsoDate } from "~/features/dates/dates.ts";

export type DeadlineKind = "vrr" | "uls" | "cica";

export const DERIVED_DEADLINES: Readonly<Record<string, { kind: DeadlineKind; from: string }>> = {
  review_deadline: { kind: "vrr", from: "letter_date" },
  uls_deadline: { kind: "uls", from: "sentence_date" },
  cica_deadline: { kind: "cica", from: "incident_date" },
};

/** The last day of a deadline of this kind that runs from `from`. */
export function deadlineFrom(kind: DeadlineKind, from: IsoDate): IsoDate {
  switch (kind) {
    case "vrr":
      return addWorkingDays(from, 10);
    case "uls":
      return lastWorkingDayWithin(from, 28);
    case "cica": {
      const [year, month, day] = from.split("-").map(Number) as [number, number, number];
      // 29 February runs to 28 February two years on.
      return makeDate(year + 2, month, day) ?? makeDate(year + 2, month, day - 1)!;
    }
  }
}

export function isDerived(name: string): boolean {
  return Object.hasOwn(DERIVED_DEADLINES, name);
}

/** Placeholders the person making a letter never types: the derived deadlines and the Area's name. */
export function isFilledByPortal(name: string): boolean {
  return name === "area_name" || isDerived(name);
}

export type DerivedProblem = { code: "derivedMismatch" | "outsideYears"; name: string; message: string };

function realDate(value: unknown): value is IsoDate {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  return makeDate(year, month, day) === value;
}

/**
 * The values with every deadline the letter declares derived from its own
 * date. A deadline given that disagrees with the derived one is a problem (a
 * letter is never made with it); one whose date is missing is left out.
 */
export function withDerivedDeadlines(declared: Record<string, unknown>, values: Record<string, unknown>) {
  const out: Record<string, unknown> = { ...values };
  const problems: DerivedProblem[] = [];
  for (const [name, rule] of Object.entries(DERIVED_DEADLINES)) {
    if (!Object.hasOwn(declared, name)) continue;
    const from = values[rule.from];
    const given = values[name];
    if (!realDate(from)) {
      delete out[name];
      continue;
    }
    let derived: IsoDate;
    try {
      derived = deadlineFrom(rule.kind, from);
    } catch (error) {
      if (!(error instanceof OutsideCoveredYearsError)) throw error;
      problems.push({ code: "outsideYears", name, message: `((${rule.from})) is outside the years whose bank holidays are known, so ((${name})) cannot be worked out.` });
      delete out[name];
      continue;
    }
    if (given !== undefined && given !== null && given !== "" && given !== derived) {
      problems.push({
        code: "derivedMismatch",
        name,
        message: `((${name})) must be ${derived}, worked out from ((${rule.from})); ${String(given)} disagrees with it.`,
      });
    }
    out[name] = derived;
  }
  return { values: out, problems };
}
