// A VLO's week: the times they published (open, or offered to a request) and
// the meetings booked with them, day by day in UK time, Monday to Sunday.
import {
  addCalendarDays,
  makeDate,
  todayInLondon,
  type IsoDate,
} from "~/features/dates/dates.ts";
import {
  formatLongDate,
  formatTime,
  happensTwice,
  zoneName,
  type Lang,
} from "~/features/dates/format.ts";
import type { MeetingMode, User } from "~/generated/prisma/client.ts";
import type { Db } from "~/utils/db.server.ts";
import { londonTime } from "./time.server.ts";

export type DiaryItem = {
  kind: "meeting" | "offered" | "open";
  time: string;
  mode: MeetingMode;
  place: string | null;
  /** The request it belongs to, where there is one: its page holds the victim's contact choices. */
  reference: string | null;
};

export type DiaryDay = { date: IsoDate; label: string; today: boolean; items: DiaryItem[] };

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The Monday of the week holding `date` (a YYYY-MM-DD from the address), or of this week. */
export function weekOf(date: string | null, today: IsoDate = todayInLondon()): IsoDate {
  const [year, month, day] = date && ISO.test(date) ? date.split("-").map(Number) : [];
  // A real date within a century either way; anything else is this week.
  const given = year && Math.abs(year - Number(today.slice(0, 4))) <= 100 ? makeDate(year, month!, day!) : null;
  const chosen = given ?? today;
  const weekday = (new Date(`${chosen}T12:00:00Z`).getUTCDay() + 6) % 7;
  return addCalendarDays(chosen, -weekday);
}

/**
 * "10am to 11am", with GMT or BST named on a day the clocks change: once,
 * "10am to 11am (GMT)", or at each end where they differ or a time happens
 * twice, "1:30am BST to 1:30am GMT".
 */
function span(from: Date, to: Date, lang: Lang, clockChange: boolean) {
  const to_ = lang === "cy" ? "i" : "to";
  if (!clockChange) return `${formatTime(from, lang)} ${to_} ${formatTime(to, lang)}`;
  const plain = (at: Date) => formatTime(at, lang, { zone: false });
  if (zoneName(from) === zoneName(to) && !happensTwice(from) && !happensTwice(to)) return `${plain(from)} ${to_} ${plain(to)} (${zoneName(from)})`;
  return `${formatTime(from, lang, { zone: true })} ${to_} ${formatTime(to, lang, { zone: true })}`;
}

export async function vloWeek(
  db: Db,
  vlo: User,
  monday: IsoDate,
  lang: Lang,
  today: IsoDate = todayInLondon()
): Promise<DiaryDay[]> {
  const from = londonTime(monday, "00:00")!;
  const to = londonTime(addCalendarDays(monday, 7), "00:00")!;
  const [slots, meetings] = await Promise.all([
    db.meetingSlot.findMany({
      // A taken time is shown as its meeting.
      where: {
        vloId: vlo.id,
        status: { in: ["OPEN", "PROPOSED"] },
        startsAt: { gte: from, lt: to },
      },
      select: {
        startsAt: true,
        endsAt: true,
        status: true,
        mode: true,
        location: true,
        request: { select: { reference: true } },
      },
    }),
    db.meeting.findMany({
      where: {
        vloId: vlo.id,
        status: "BOOKED",
        startsAt: { gte: from, lt: to },
      },
      select: {
        startsAt: true,
        endsAt: true,
        mode: true,
        room: true,
        request: { select: { reference: true } },
      },
    }),
  ]);
  const entries = [
    ...meetings.map((m) => ({
      at: m.startsAt,
      end: m.endsAt,
      item: {
        kind: "meeting" as const,
        mode: m.mode,
        place: m.room,
        reference: m.request.reference,
      },
    })),
    ...slots.map((s) => ({
      at: s.startsAt,
      end: s.endsAt,
      item: {
        kind:
          s.status === "PROPOSED" ? ("offered" as const) : ("open" as const),
        mode: s.mode,
        place: s.location,
        reference: s.request?.reference ?? null,
      },
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  return Array.from({ length: 7 }, (_, i) => {
    const date = addCalendarDays(monday, i);
    const start = londonTime(date, "00:00")!;
    const next = londonTime(addCalendarDays(date, 1), "00:00")!;
    const clockChange =
      zoneName(start) !== zoneName(new Date(next.getTime() - 1));
    return {
      date,
      label: formatLongDate(date, lang, { start: true }),
      today: date === today,
      items: entries
        .filter((entry) => entry.at >= start && entry.at < next)
        .map((entry) => ({
          ...entry.item,
          time: span(entry.at, entry.end, lang, clockChange),
        })),
    };
  });
}
