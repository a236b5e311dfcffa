import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryInsight } from "~/features/queries/insight.server.ts";
import { deleteExpiredQueries } from "~/features/queries/retention.server.ts";
import type { Db } from "~/utils/db.server.ts";
import { createMigratedDatabase } from "../../setup/database.ts";
import { sendQuery } from "../../setup/queries.ts";
import { makeUser } from "../../setup/users.ts";

let db: Db;
beforeAll(async () => {
  ({ db } = await createMigratedDatabase());
});
afterAll(() => db.$disconnect());

const DAY = 24 * 60 * 60 * 1000;

describe("retention", () => {
  it("deletes closed queries and their threads after the retention time, keeping only anonymous figures", async () => {
    const { user: isva } = await makeUser(db, { roles: ["ISVA"], organisation: "Retention" });
    const old = await sendQuery(db, isva, "south-west", "An old question");
    const recent = await sendQuery(db, isva, "south-west", "A recent question");
    const open = await sendQuery(db, isva, "south-west", "Still open");
    const now = new Date();
    await db.isvaQuery.update({ where: { reference: old.reference }, data: { status: "CLOSED", closedAt: new Date(now.getTime() - 400 * DAY), firstReplyAt: new Date() } });
    await db.isvaQuery.update({ where: { reference: recent.reference }, data: { status: "CLOSED", closedAt: new Date(now.getTime() - 10 * DAY) } });
    await db.isvaQuery.update({ where: { reference: open.reference }, data: { createdAt: new Date(now.getTime() - 500 * DAY) } });

    expect(await deleteExpiredQueries(db, { retentionDays: 365, now })).toBe(1);
    expect(await db.isvaQuery.findUnique({ where: { reference: old.reference } })).toBeNull();
    expect(await db.queryMessage.count({ where: { body: { contains: "An old question" } } })).toBe(0);
    expect(await db.isvaQuery.count({ where: { reference: { in: [recent.reference, open.reference] } } })).toBe(2);
    const stats = await db.queryStat.findMany({ where: { areaId: "south-west" } });
    expect(stats).toHaveLength(1);
    expect(Object.keys(stats[0]!).sort()).toEqual(["answeredInTime", "areaId", "category", "firstReplyMinutes", "id", "receivedOn"]);
    expect(await deleteExpiredQueries(db, { retentionDays: 365, now })).toBe(0);
  });
});

describe("insight", () => {
  it("counts queries by week and category, and times to first reply, for one Area or all", async () => {
    const { user: isva } = await makeUser(db, { roles: ["ISVA"], organisation: "Insight" });
    const a = await sendQuery(db, isva, "east-midlands");
    const b = await sendQuery(db, isva, "east-midlands");
    await sendQuery(db, isva, "east-of-england");
    const created = await db.isvaQuery.findUniqueOrThrow({ where: { reference: a.reference } });
    await db.isvaQuery.update({ where: { reference: a.reference }, data: { firstReplyAt: new Date(created.createdAt.getTime() + 2 * 3600_000) } });
    await db.isvaQuery.update({ where: { reference: b.reference }, data: { firstReplyAt: new Date(created.createdAt.getTime() + 10 * 3600_000) } });

    const area = await queryInsight(db, "east-midlands");
    expect(area.weeks.reduce((sum, w) => sum + w.received, 0)).toBe(2);
    expect(area.weeks.length).toBeGreaterThanOrEqual(12);
    expect(area.categories).toEqual([{ category: "CASE_PROGRESS", received: 2 }]);
    expect(area.firstReply.answered).toBe(2);
    expect(area.firstReply.medianHours).toBe(6);
    expect(area.firstReply.inTimeShare).toBe(100);

    const national = await queryInsight(db, null);
    expect(national.weeks.reduce((sum, w) => sum + w.received, 0)).toBeGreaterThanOrEqual(3);
  });
});
