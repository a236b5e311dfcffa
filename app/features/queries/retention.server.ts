// Closed queries are deleted, with their threads, a set time after closing
// (QUERY_RETENTION_DAYS, 365 by default). What stays is one anonymous row of
// figures per query, for reporting. Safe on several instances at once: a
// transaction-scoped advisory lock lets one run at a time.
import { audit } from "~/features/audit/audit.server.ts";
import type { Db } from "~/utils/db.server.ts";

const LOCK_ID = 72707370;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function deleteExpiredQueries(db: Db, { retentionDays, now = new Date(), batchSize = 500 }: { retentionDays: number; now?: Date; batchSize?: number }) {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  let deleted = 0;
  for (;;) {
    const count = await db.$transaction(async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${LOCK_ID}) AS locked`;
      if (!lock?.locked) return 0;
      const expired = await tx.isvaQuery.findMany({
        where: { status: "CLOSED", closedAt: { lt: cutoff } },
        select: { id: true, areaId: true, category: true, createdAt: true, firstReplyAt: true, dueOn: true },
        take: batchSize,
      });
      if (!expired.length) return 0;
      await tx.queryStat.createMany({
        data: expired.map((query) => ({
          areaId: query.areaId,
          category: query.category,
          receivedOn: new Date(`${query.createdAt.toISOString().slice(0, 10)}T00:00:00Z`),
          firstReplyMinutes: query.firstReplyAt ? Math.round((query.firstReplyAt.getTime() - query.createdAt.getTime()) / 60_000) : null,
          answeredInTime: Boolean(query.firstReplyAt && query.firstReplyAt.getTime() < query.dueOn.getTime() + DAY_MS),
        })),
      });
      await tx.isvaQuery.deleteMany({ where: { id: { in: expired.map((query) => query.id) } } });
      await audit(tx, { action: "query.deleted", targetType: "query", detail: { count: expired.length, closedBefore: cutoff.toISOString() } });
      return expired.length;
    });
    deleted += count;
    if (count < batchSize) return deleted;
  }
}

/** Runs the deletion now and then every hour until stopped. */
export function scheduleRetention(db: Db, retentionDays: number, onError: (error: unknown) => void) {
  const run = () => deleteExpiredQueries(db, { retentionDays }).catch(onError);
  const first = setTimeout(run, 30_000);
  const timer = setInterval(run, 60 * 60 * 1000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
