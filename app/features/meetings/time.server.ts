// Times VLOs type ("2027-03-01" and "10:30") are London times, on either side
// of a clock change; the database holds instants.
import { DateTime } from "luxon";
import { timeSchema } from "./schema.ts";

const ZONE = "Europe/London";

/** A London date and time as an instant; null for a malformed or impossible one (01:30 when the clocks go forward). */
export function londonTime(day: string, time: string): Date | null {
  const local = DateTime.fromISO(`${day}T${time.padStart(5, "0")}`, { zone: ZONE });
  if (!local.isValid) return null;
  // Luxon moves a time in the spring-forward gap; such a time does not exist.
  if (local.toFormat("yyyy-MM-dd'T'HH:mm") !== `${day}T${time.padStart(5, "0")}`) return null;
  return local.toJSDate();
}

/** The London date and time of an instant, for a form's fields. */
export function londonParts(at: Date) {
  const local = DateTime.fromJSDate(at, { zone: ZONE });
  return { date: local.toFormat("yyyy-MM-dd"), start: local.toFormat("HH:mm") };
}

export type TypedTime = { date: string; start: string; length: string; room: string };

/** The field a refused time is shown against. */
export type TimeField = "date" | "room";

/** Reads a typed time from a form: the instants, or the error key to show and the field it is about. */
export function readTime(
  form: FormData,
  now = new Date(),
): { ok: true; startsAt: Date; endsAt: Date; room?: string; typed: TypedTime } | { ok: false; error: string; field: TimeField; typed: TypedTime } {
  const typed = {
    date: String(form.get("date") ?? "").slice(0, 20),
    start: String(form.get("start") ?? "").slice(0, 10),
    length: String(form.get("length") ?? "60").slice(0, 5),
    room: String(form.get("room") ?? "").slice(0, 60),
  };
  const parsed = timeSchema.safeParse(typed);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: issue?.message ?? "meetings.errors.booking", field: issue?.path[0] === "room" ? "room" : "date", typed };
  }
  const startsAt = londonTime(parsed.data.date, parsed.data.start);
  if (!startsAt) return { ok: false, error: "meetings.errors.booking", field: "date", typed };
  // A meeting is arranged for the coming weeks or months: not the past, nor a mistyped century.
  if (startsAt.getTime() <= now.getTime()) return { ok: false, error: "meetings.errors.past", field: "date", typed };
  if (startsAt.getTime() > now.getTime() + 5 * 366 * 24 * 60 * 60 * 1000) return { ok: false, error: "meetings.errors.tooFar", field: "date", typed };
  return { ok: true, startsAt, endsAt: new Date(startsAt.getTime() + parsed.data.length * 60_000), room: parsed.data.room, typed };
}
