// Meeting figures for joint performance meetings: requests, how many were
// offered a time within the target, held and declined. Counts only.
import { OutsideCoveredYearsError, todayInLondon, workingDaysBetween } from "~/features/dates/dates.ts";
import { getEnv } from "~/utils/config.server.ts";
import type { Db } from "~/utils/db.server.ts";

export type MeetingInsight = {
  requests: number;
  offered: number;
  offeredInTarget: number;
  /** Offers whose working days cannot be counted: their year's bank holidays are not yet in the portal. */
  offeredUncounted: number;
  targetDays: number;
  held: number;
  declined: number;
};

export async function meetingInsight(db: Db, areaId: string | null, { weeks = 12, now = new Date() } = {}): Promise<MeetingInsight> {
  const since = new Date(now.getTime() - weeks * 7 * 24 * 60 * 60 * 1000);
  const rows = await db.meetingRequest.findMany({
    where: { createdAt: { gte: since, lte: now }, ...(areaId ? { areaId } : {}) },
    select: { createdAt: true, offeredAt: true, status: true },
  });
  const targetDays = getEnv().MEETING_OFFER_DAYS;
  let offeredInTarget = 0;
  let offeredUncounted = 0;
  for (const row of rows) {
    if (!row.offeredAt) continue;
    try {
      if (workingDaysBetween(todayInLondon(row.createdAt), todayInLondon(row.offeredAt)) <= targetDays) offeredInTarget += 1;
    } catch (error) {
      if (!(error instanceof OutsideCoveredYearsError)) throw error;
      offeredUncounted += 1;
    }
  }
  return {
    requests: rows.length,
    offered: rows.filter((row) => row.offeredAt).length,
    offeredInTarget,
    offeredUncounted,
    targetDays,
    held: rows.filter((row) => row.status === "HELD").length,
    declined: rows.filter((row) => row.status === "DECLINED").length,
  };
}
