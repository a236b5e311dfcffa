// Dates and times for people to read, in the GOV.UK style and in UK time
// whatever the server's zone: "11 December 2026", "11 Rhagfyr 2026", "2:30pm",
// "2:30yp". Pure and shared by pages, e-mails, letters and invites.
import type { IsoDate } from "./dates.ts";
import { todayInLondon, workingDaysBetween } from "./dates.ts";

export type Lang = "en" | "cy";
const ZONE = "Europe/London";
const locale = (lang: Lang) => (lang === "cy" ? "cy-GB" : "en-GB");

// Made once per language: building a formatter costs far more than using one.
const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: Lang, name: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}:${name}`;
  let made = cache.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(locale(lang), options);
    cache.set(key, made);
  }
  return made;
}

const part = (parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes) =>
  parts.find((p) => p.type === type)?.value ?? "";

/** A calendar date (YYYY-MM-DD) or an instant as its UK calendar date. */
function asInstant(date: IsoDate | Date): { at: Date; zone: string } {
  return typeof date === "string" ? { at: new Date(`${date}T12:00:00Z`), zone: "UTC" } : { at: date, zone: ZONE };
}

/** "11 December 2026" / "11 Rhagfyr 2026". */
export function formatDate(date: IsoDate | Date, lang: Lang): string {
  const { at, zone } = asInstant(date);
  const parts = formatter(lang, `date:${zone}`, { day: "numeric", month: "long", year: "numeric", timeZone: zone }).formatToParts(at);
  return `${part(parts, "day")} ${part(parts, "month")} ${part(parts, "year")}`;
}

/**
 * "Friday 11 December 2026" / "dydd Gwener 11 Rhagfyr 2026". Welsh weekdays are
 * lower case mid-sentence; pass `start: true` where the date opens a sentence or
 * stands alone as a heading.
 */
export function formatLongDate(date: IsoDate | Date, lang: Lang, { start = false }: { start?: boolean } = {}): string {
  const { at, zone } = asInstant(date);
  const parts = formatter(lang, `weekday:${zone}`, { weekday: "long", timeZone: zone }).formatToParts(at);
  let weekday = part(parts, "weekday");
  if (lang === "cy") weekday = (start ? weekday.charAt(0).toUpperCase() : weekday.charAt(0).toLowerCase()) + weekday.slice(1);
  return `${weekday} ${formatDate(date, lang)}`;
}

/**
 * "2:30pm", "9am", "12pm" (midday), "12am" (midnight); Welsh "2:30yp", "9yb".
 * A time that happens twice (1:30am on the day the clocks go back) names its
 * zone, "1:30am BST" or "1:30am GMT", wherever it is shown; `zone: true` names
 * it always, `zone: false` never.
 */
export function formatTime(at: Date, lang: Lang, { zone }: { zone?: boolean } = {}): string {
  const clock = wallClock(at, lang);
  const named = zone ?? happensTwice(at);
  return named ? `${clock} ${zoneName(at)}` : clock;
}

function wallClock(at: Date, lang: Lang): string {
  const parts = formatter(lang, "time", { hour: "numeric", minute: "2-digit", hourCycle: "h23", timeZone: ZONE }).formatToParts(at);
  const hour24 = Number(part(parts, "hour"));
  const minute = part(parts, "minute");
  const hour12 = hour24 % 12 === 0 ? 12 : hour24 % 12;
  const suffix = hour24 < 12 ? (lang === "cy" ? "yb" : "am") : lang === "cy" ? "yp" : "pm";
  return `${hour12}${minute === "00" ? "" : `:${minute}`}${suffix}`;
}

const HOUR_MS = 60 * 60 * 1000;

/** Whether the UK clock shows this instant's time twice that night: an hour earlier or later reads the same. */
export function happensTwice(at: Date): boolean {
  const clock = wallClock(at, "en");
  return wallClock(new Date(at.getTime() - HOUR_MS), "en") === clock || wallClock(new Date(at.getTime() + HOUR_MS), "en") === clock;
}

/** Whether an instant falls in British Summer Time. */
export function isBritishSummerTime(at: Date): boolean {
  const name = part(formatter("en", "zone", { timeZone: ZONE, timeZoneName: "short" }).formatToParts(at), "timeZoneName");
  return name === "BST";
}

/** "BST" or "GMT" (the same abbreviations are used in Welsh). */
export function zoneName(at: Date): "BST" | "GMT" {
  return isBritishSummerTime(at) ? "BST" : "GMT";
}

/** "11 December 2026 at 2:30pm" / "11 Rhagfyr 2026 am 2:30yp". */
export function formatDateTime(at: Date, lang: Lang): string {
  return `${formatDate(at, lang)} ${lang === "cy" ? "am" : "at"} ${formatTime(at, lang)}`;
}

export type DueState =
  | { state: "overdue"; days: number }
  | { state: "today" }
  | { state: "soon"; workingDays: number }
  | { state: "later"; workingDays: number };

/**
 * Where a due date stands from today: overdue (by calendar days, as people
 * count lateness), due today, due soon (within `soonWithin` working days) or later.
 * Translate with the locale's `dates.due.*` strings.
 */
export function dueState(dueOn: IsoDate, today: IsoDate = todayInLondon(), soonWithin = 2): DueState {
  if (dueOn === today) return { state: "today" };
  if (dueOn < today) {
    const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueOn}T00:00:00Z`)) / 86_400_000);
    return { state: "overdue", days };
  }
  const workingDays = workingDaysBetween(today, dueOn);
  return workingDays <= soonWithin ? { state: "soon", workingDays } : { state: "later", workingDays };
}

/** How far a day is from today, in calendar days: for "3 days ago" and "in 5 days". */
export type RelativeDay = { when: "today" } | { when: "past" | "future"; days: number };

/** Where a date (or an instant's UK date) stands from today. Translate with `workspace.relative.*`. */
export function relativeDay(date: IsoDate | Date, today: IsoDate = todayInLondon()): RelativeDay {
  const day = typeof date === "string" ? date : todayInLondon(date);
  if (day === today) return { when: "today" };
  const days = Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  return days < 0 ? { when: "past", days: -days } : { when: "future", days };
}
