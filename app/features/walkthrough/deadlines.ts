// Rights with a time limit, made concrete: from the day the reader was told,
// the last day to act. The limits are those of the Victims' Code in force and
// the unduly lenient sentence scheme; they may change with a new Code.
import { addCalendarDays, addWorkingDays, lastWorkingDayWithin, type IsoDate } from "~/features/dates/dates.ts";

export const DEADLINES = {
  /** Ask the CPS for a review of a decision not to charge: within 10 working days of being told. */
  "right-to-review": { stage: "charging-decision", count: "working", days: 10 },
  /**
   * The Attorney General's Office can refer a sentence to the Court of Appeal
   * until 5pm on the last working day within 28 calendar days of sentence.
   */
  "unduly-lenient-sentence": { stage: "verdict-and-sentence", count: "last-working-within", days: 28 },
} as const;

export type DeadlineId = keyof typeof DEADLINES;

export function isDeadlineId(value: unknown): value is DeadlineId {
  return typeof value === "string" && Object.hasOwn(DEADLINES, value);
}

export function deadlineForStage(stageId: string): DeadlineId | undefined {
  return (Object.keys(DEADLINES) as DeadlineId[]).find((id) => DEADLINES[id].stage === stageId);
}

export function lastDayToAct(id: DeadlineId, toldOn: IsoDate): IsoDate {
  const rule = DEADLINES[id];
  return rule.count === "working" ? addWorkingDays(toldOn, rule.days) : lastWorkingDayWithin(toldOn, rule.days);
}

/**
 * A day the last day to act cannot be after, worked out without bank
 * holidays: for a date too early for them to be known. Ten working days never
 * span more than 30 calendar days, even over Christmas.
 */
export function latestPossibleDay(id: DeadlineId, toldOn: IsoDate): IsoDate {
  const rule = DEADLINES[id];
  return addCalendarDays(toldOn, rule.count === "working" ? rule.days * 3 : rule.days);
}
