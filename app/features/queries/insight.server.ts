// Figures for joint performance meetings: how many queries, about what, and
// how quickly they were answered. Aggregates only, from live queries and from
// the anonymous figures kept after deletion; never a case or a person.
import { Prisma } from "~/generated/prisma/client.ts";
import type { Db } from "~/utils/db.server.ts";

export type Insight = {
  weeks: { weekStart: string; received: number }[];
  categories: { category: string; received: number }[];
  firstReply: { answered: number; medianHours: number | null; p90Hours: number | null; inTimeShare: number | null };
};

export async function queryInsight(db: Db, areaId: string | null, { weeks = 12, now = new Date() } = {}): Promise<Insight> {
  const since = new Date(now.getTime() - weeks * 7 * 24 * 60 * 60 * 1000);
  const area = areaId ? Prisma.sql`AND area_id = ${areaId}` : Prisma.empty;
  // One row per query received since `since`, live or already deleted.
  const all = Prisma.sql`
    SELECT created_at::date AS received_on, category::text AS category,
           CASE WHEN first_reply_at IS NULL THEN NULL ELSE EXTRACT(EPOCH FROM first_reply_at - created_at) / 60 END AS reply_minutes,
           (first_reply_at IS NOT NULL AND first_reply_at < due_on + interval '1 day') AS in_time
      FROM isva_query WHERE created_at >= ${since} ${area}
    UNION ALL
    SELECT received_on, category::text, first_reply_minutes, answered_in_time
      FROM query_stat WHERE received_on >= ${since}::date ${area}`;

  const weekRows = await db.$queryRaw<{ week_start: Date; received: bigint }[]>`
    SELECT date_trunc('week', received_on)::date AS week_start, count(*) AS received FROM (${all}) q GROUP BY 1 ORDER BY 1`;
  const categoryRows = await db.$queryRaw<{ category: string; received: bigint }[]>`
    SELECT category, count(*) AS received FROM (${all}) q GROUP BY 1 ORDER BY 2 DESC, 1`;
  const [reply] = await db.$queryRaw<{ answered: bigint; median: number | null; p90: number | null; in_time: number | null }[]>`
    SELECT count(reply_minutes) AS answered,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY reply_minutes) AS median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY reply_minutes) AS p90,
           avg(CASE WHEN in_time THEN 1.0 ELSE 0.0 END)::float AS in_time
      FROM (${all}) q`;

  // Every week of the period, with zero where nothing arrived.
  const byWeek = new Map(weekRows.map((row) => [row.week_start.toISOString().slice(0, 10), Number(row.received)]));
  const monday = (date: Date) => {
    const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    return d;
  };
  const weeksList: Insight["weeks"] = [];
  for (let week = monday(since); week <= now; week.setUTCDate(week.getUTCDate() + 7)) {
    const key = week.toISOString().slice(0, 10);
    weeksList.push({ weekStart: key, received: byWeek.get(key) ?? 0 });
  }
  const hours = (minutes: number | null | undefined) => (minutes == null ? null : Math.round((Number(minutes) / 60) * 10) / 10);
  return {
    weeks: weeksList,
    categories: categoryRows.map((row) => ({ category: row.category, received: Number(row.received) })),
    firstReply: {
      answered: Number(reply?.answered ?? 0),
      medianHours: hours(reply?.median),
      p90Hours: hours(reply?.p90),
      inTimeShare: reply?.in_time == null ? null : Math.round(Number(reply.in_time) * 100),
    },
  };
}
