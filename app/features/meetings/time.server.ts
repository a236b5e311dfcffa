// Times VLOs type are London times, on either side of a clock change; the
// database holds instants. A time in the hour that happens twice when the
// clocks go back needs its zone, "1:30am BST" or "1:30am GMT". The date comes from GOV.UK's date input (day, month
// and year fields); the time is read as people write it: "14:00", "2pm",
// "2:30pm", "2.30 pm", "noon", or Welsh "2yh".
import { DateTime } from "luxon";
import { readDateParts } from "~/features/dates/dates.ts";
import { happensTwice, zoneName } from "~/features/dates/format.ts";
import { timeSchema } from "./schema.ts";

const ZONE = "Europe/London";

/** A London date and time as an instant; null for a malformed or impossible one (01:30 when the clocks go forward). */
export function londonTime(day: string, time: string): Date | null {
  return londonTimes(day, time)[0] ?? null;
}

/**
 * Every instant at which London's clock reads this date and time, earliest
 * first: none in the hour skipped when the clocks go forward, two in the hour
 * repeated when they go back (BST, then GMT), one otherwise.
 */
export function londonTimes(day: string, time: string): Date[] {
  const wall = `${day}T${time.padStart(5, "0")}`;
  return ["+01:00", "+00:00"]
    .map((offset) => DateTime.fromISO(`${wall}${offset}`, { setZone: true }))
    .filter((candidate) => candidate.isValid && candidate.setZone(ZONE).toFormat("yyyy-MM-dd'T'HH:mm") === wall)
    .map((candidate) => candidate.toJSDate());
}

/** "1:30am GMT": the time, and the zone named after it, if one is (the same abbreviations in Welsh). */
function splitZone(typed: string): { clock: string; zone?: "BST" | "GMT" } {
  const match = /^(.*?)\s*\b(bst|gmt)$/i.exec(typed.trim());
  return match ? { clock: match[1]!, zone: match[2]!.toUpperCase() as "BST" | "GMT" } : { clock: typed };
}

/** The London date and time of an instant, for a form's fields. */
export function londonParts(at: Date) {
  const local = DateTime.fromJSDate(at, { zone: ZONE });
  // A time in the hour the clocks go back says which of the two it is, so the form sends it back unchanged.
  const start = happensTwice(at) ? `${local.toFormat("HH:mm")} ${zoneName(at)}` : local.toFormat("HH:mm");
  return { day: String(local.day), month: String(local.month), year: String(local.year), start };
}

/**
 * A time of day as HH:MM from what people type: 24-hour ("14:00", "14.00",
 * "1400", "9"), 12-hour ("2pm", "2:30pm", "2.30 p.m.", "12am"), "noon" or
 * "midday", and the Welsh "yb" and "yh" for am and pm. Null otherwise.
 */
export function readClockTime(typed: string): string | null {
  const text = typed
    .trim()
    .toLowerCase()
    .replace(/(\d)\.(\d)/, "$1:$2")
    .replace(/\s*([ap])\.?m\.?$/, "$1m")
    .replace(/\s+(y[bh])$/, "$1");
  if (["noon", "midday", "canol dydd", "hanner dydd"].includes(text)) return "12:00";
  const match = /^(\d{1,2})(?::(\d{2}))?(am|pm|yb|yh)?$/.exec(text) ?? /^(\d{2})(\d{2})(am|pm|yb|yh)?$/.exec(text);
  if (!match) return null;
  const [, hourText, minuteText, half] = match;
  let hour = Number(hourText);
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  if (minute > 59) return null;
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === "pm" || half === "yh" ? 12 : 0);
  } else if (hour > 23) {
    return null;
  }
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

export type TypedTime = { day: string; month: string; year: string; start: string; length: string; room: string };

/** The field a refused time is shown against. */
export type TimeField = "date" | "start" | "room";

/** Reads a typed time from a form: the instants, or the error key to show and the field it is about. */
export function readTime(
  form: FormData,
  now = new Date()
): { ok: true; startsAt: Date; endsAt: Date; room?: string; typed: TypedTime } | { ok: false; error: string; field: TimeField; typed: TypedTime } {
  const typed = {
    day: String(form.get("date.day") ?? "").slice(0, 10),
    month: String(form.get("date.month") ?? "").slice(0, 12),
    year: String(form.get("date.year") ?? "").slice(0, 10),
    start: String(form.get("start") ?? "").slice(0, 20),
    length: String(form.get("length") ?? "60").slice(0, 5),
    room: String(form.get("room") ?? "").slice(0, 60),
  };
  const date = readDateParts(typed.day, typed.month, typed.year);
  if (!date) return { ok: false, error: "meetings.errors.date", field: "date", typed };
  const { clock, zone } = splitZone(typed.start);
  const start = readClockTime(clock);
  if (!start) return { ok: false, error: "meetings.errors.start", field: "start", typed };
  const parsed = timeSchema.safeParse({ date, start, length: typed.length, room: typed.room });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: issue?.message ?? "meetings.errors.booking", field: issue?.path[0] === "room" ? "room" : "date", typed };
  }
  const choices = londonTimes(parsed.data.date, parsed.data.start);
  if (!choices.length) return { ok: false, error: "meetings.errors.clockChange", field: "start", typed };
  // The hour the clocks go back happens twice: which one is asked, not guessed.
  const named = zone ? choices.filter((at) => zoneName(at) === zone) : choices;
  if (!named.length) return { ok: false, error: "meetings.errors.zoneWrong", field: "start", typed };
  if (named.length > 1) return { ok: false, error: "meetings.errors.clockBack", field: "start", typed };
  const startsAt = named[0]!;
  // A meeting is arranged for the coming weeks or months: not the past, nor a mistyped century.
  if (startsAt.getTime() <= now.getTime()) return { ok: false, error: "meetings.errors.past", field: "date", typed };
  if (startsAt.getTime() > now.getTime() + 5 * 366 * 24 * 60 * 60 * 1000) return { ok: false, error: "meetings.errors.tooFar", field: "date", typed };
  return { ok: true, startsAt, endsAt: new Date(startsAt.getTime() + parsed.data.length * 60_000), room: parsed.data.room, typed };
}
