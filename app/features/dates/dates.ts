// Calendar dates without times ("2026-11-23"), and counting in working days
// (Monday to Friday, less England and Wales bank holidays) or calendar days.
// Pure: the walkthrough's deadlines and the query response clock share it.
import holidays from "./bank-holidays-england-wales.json";

export type IsoDate = string; // YYYY-MM-DD

const HOLIDAYS = new Set<string>(holidays.dates);
const [FIRST_YEAR, LAST_YEAR] = holidays.coveredYears as [number, number];

export class OutsideCoveredYearsError extends Error {
  constructor(date: IsoDate) {
    super(`Bank holidays are not known for ${date.slice(0, 4)}.`);
  }
}

function toUtc(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

function fromUtc(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** A real calendar date from its parts, or null ("31 February" is not one). */
export function makeDate(year: number, month: number, day: number): IsoDate | null {
  if (![year, month, day].every(Number.isInteger) || year < 1000 || year > 9999) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return fromUtc(date);
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  const next = toUtc(date);
  next.setUTCDate(next.getUTCDate() + days);
  return fromUtc(next);
}

export function isWeekend(date: IsoDate): boolean {
  const day = toUtc(date).getUTCDay();
  return day === 0 || day === 6;
}

function assertCovered(date: IsoDate) {
  const year = Number(date.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) throw new OutsideCoveredYearsError(date);
}

export function isBankHoliday(date: IsoDate): boolean {
  assertCovered(date);
  return HOLIDAYS.has(date);
}

export function isWorkingDay(date: IsoDate): boolean {
  return !isWeekend(date) && !isBankHoliday(date);
}

/**
 * The date `days` working days after `date`. The day itself never counts, so
 * something told on a Friday has its first working day on Monday, and
 * something told on a Saturday also counts Monday as day one.
 */
export function addWorkingDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days) || days < 0) throw new RangeError("days must be a whole number, 0 or more");
  let current = date;
  let counted = 0;
  while (counted < days) {
    current = addCalendarDays(current, 1);
    if (isWorkingDay(current)) counted += 1;
  }
  return current;
}

/**
 * The last working day within `days` calendar days after `date`: the day
 * `days` on, or the working day before it when that is a weekend or a bank
 * holiday (as GOV.UK counts the Unduly Lenient Sentence scheme's 28 days).
 */
export function lastWorkingDayWithin(date: IsoDate, days: number): IsoDate {
  let current = addCalendarDays(date, days);
  while (!isWorkingDay(current)) current = addCalendarDays(current, -1);
  return current;
}

// Made once: building a formatter costs far more than using one.
const londonDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" });

/** Today's date in England and Wales. */
export function todayInLondon(now: Date = new Date()): IsoDate {
  return londonDate.format(now);
}

/** Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier. */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  if (to === from) return 0;
  const forward = to > from;
  let current = from;
  let count = 0;
  while (current !== to) {
    current = addCalendarDays(current, forward ? 1 : -1);
    if (isWorkingDay(current)) count += 1;
  }
  return forward ? count : -count;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** A future or past date from the three boxes of a date field (see parsePastDate for dates that must be past) as YYYY-MM-DD, or null. The month may be a number or an English month name ("March", "Mar"). */
export function readDateParts(day: string, month: string, year: string): IsoDate | null {
  const d = day.trim();
  const m = month.trim().toLowerCase();
  const y = year.trim();
  if (!/^\d{1,2}$/.test(d) || !/^\d{4}$/.test(y)) return null;
  const monthNumber = /^\d{1,2}$/.test(m) ? Number(m) : m.length >= 3 ? MONTHS.findIndex((name) => name.startsWith(m)) + 1 : 0;
  if (monthNumber < 1 || monthNumber > 12) return null;
  return makeDate(Number(y), monthNumber, Number(d));
}

export type DateInput = { day?: string; month?: string; year?: string };
export type DateInputResult = { date: IsoDate } | { error: "forms.dateIncomplete" | "forms.dateInvalid" | "forms.dateInFuture" | "forms.dateTooOld" };

/**
 * A date typed into the three boxes of a date field, checked: complete, real,
 * not after `today` and not before 2000.
 */
export function parsePastDate(input: DateInput, today: IsoDate): DateInputResult {
  const clean = (value: string | undefined) => (value ?? "").trim();
  const [day, month, year] = [clean(input.day), clean(input.month), clean(input.year)];
  if (!day || !month || !year) return { error: "forms.dateIncomplete" };
  if (![day, month, year].every((part) => /^\d+$/.test(part)) || year.length !== 4) return { error: "forms.dateInvalid" };
  const date = makeDate(Number(year), Number(month), Number(day));
  if (!date) return { error: "forms.dateInvalid" };
  if (date > today) return { error: "forms.dateInFuture" };
  if (date < "2000-01-01") return { error: "forms.dateTooOld" };
  return { date };
}
