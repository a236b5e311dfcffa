import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inboxPage, readInboxSearch, searchInbox } from "~/features/queries/inbox.server.ts";
import { inboxSearchParams, readInboxFilter, type InboxFilter } from "~/features/queries/inbox.ts";
import type { QueryStatus, User } from "~/generated/prisma/client.ts";
import type { Db } from "~/utils/db.server.ts";
import { createMigratedDatabase } from "../../setup/database.ts";
import { sendQuery } from "../../setup/queries.ts";
import { makeUser } from "../../setup/users.ts";

let db: Db;
beforeAll(async () => {
  ({ db } = await createMigratedDatabase());
});
afterAll(async () => {
  await db.$disconnect();
});

const ALL: InboxFilter = { view: "all", sort: "due", page: 1 };

/** A query in `areaId` with the given fields set as if it had lived a while. */
async function query(isva: User, areaId: string, set: { status?: QueryStatus; dueOn?: string; createdAt?: string; category?: "TRIAL_DATE" | "CASE_PROGRESS"; assigneeId?: string; urn?: string } = {}) {
  const { reference } = await sendQuery(db, isva, areaId);
  await db.isvaQuery.update({
    where: { reference },
    data: {
      status: set.status,
      dueOn: set.dueOn ? new Date(`${set.dueOn}T00:00:00Z`) : undefined,
      createdAt: set.createdAt ? new Date(set.createdAt) : undefined,
      category: set.category,
      assigneeId: set.assigneeId,
      urn: set.urn,
    },
  });
  return reference;
}

describe("the Area inbox", () => {
  it("lists queries waiting for a reply first, then answered, then closed, each by due date, with each view's count", async () => {
    const { user: isva } = await makeUser(db, { roles: ["ISVA"], organisation: "Service I" });
    const { user: staff } = await makeUser(db, { roles: ["AREA_STAFF"], areaId: "east-midlands" });
    const sent = [
      await query(isva, "east-midlands", { status: "NEW", dueOn: "2026-01-05" }),
      await query(isva, "east-midlands", { status: "CLOSED", dueOn: "2026-01-02" }),
      await query(isva, "east-midlands", { status: "ANSWERED", dueOn: "2026-01-04", category: "TRIAL_DATE" }),
      await query(isva, "east-midlands", { status: "IN_PROGRESS", dueOn: "2026-01-03" }),
    ];
    await query(isva, "wessex", { status: "NEW" });
    const list = async (filter: Partial<InboxFilter>) => inboxPage(db, staff, { ...ALL, ...filter }, "2026-01-04");

    const all = await list({});
    expect(all.rows.map((row) => row.reference)).toEqual([sent[3], sent[0], sent[2], sent[1]]);
    expect(all.counts).toEqual({ waiting: 2, answered: 1, closed: 1, all: 4 });
    expect((await list({ view: "waiting" })).rows.map((row) => row.reference)).toEqual([sent[3], sent[0]]);
    expect((await list({ view: "closed" })).rows.map((row) => row.reference)).toEqual([sent[1]]);
    // Filters narrow every view's count too.
    const trial = await list({ category: "TRIAL_DATE" });
    expect(trial.rows.map((row) => row.reference)).toEqual([sent[2]]);
    expect(trial.counts).toEqual({ waiting: 0, answered: 1, closed: 0, all: 1 });
    // A view with nothing in it still has every view's count.
    const none = await list({ category: "TRIAL_DATE", view: "waiting" });
    expect(none).toEqual({ rows: [], counts: { waiting: 0, answered: 1, closed: 0, all: 1 }, pages: 1 });
    expect(await list({ category: "DISCLOSURE" })).toEqual({ rows: [], counts: { waiting: 0, answered: 0, closed: 0, all: 0 }, pages: 1 });
    // Overdue: still waiting for a reply, and due before today.
    expect((await list({ overdue: true })).rows.map((row) => row.reference)).toEqual([sent[3]]);
    // Newest first.
    expect((await list({ sort: "received" })).rows.map((row) => row.reference)).toEqual([...sent].reverse());
    expect(all.rows[0]).toMatchObject({ dueOn: "2026-01-03", isvaName: isva.name, organisation: "Service I", forceId: "test", assignee: null });
  });

  it("filters by who a query is assigned to: the signed-in person, or nobody", async () => {
    const { user: isva } = await makeUser(db, { roles: ["ISVA"], organisation: "Service J" });
    const { user: me } = await makeUser(db, { roles: ["AREA_STAFF"], areaId: "north-east" });
    const { user: colleague } = await makeUser(db, { roles: ["VLO"], areaId: "north-east" });
    const mine = await query(isva, "north-east", { assigneeId: me.id });
    const theirs = await query(isva, "north-east", { assigneeId: colleague.id });
    const nobody = await query(isva, "north-east");
    const refs = async (assigned: "me" | "none" | undefined, who = me) => (await inboxPage(db, who, { ...ALL, assigned })).rows.map((row) => row.reference).sort();
    expect(await refs("me")).toEqual([mine]);
    expect(await refs("me", colleague)).toEqual([theirs]);
    expect(await refs("none")).toEqual([nobody]);
    expect(await refs(undefined)).toEqual([mine, theirs, nobody].sort());
    expect((await inboxPage(db, me, { ...ALL, assigned: "me" })).rows[0]!.assignee).toBe(me.name);
  });

  it("shows 25 a page, counts the pages, and keeps the order across them", async () => {
    const { user: isva } = await makeUser(db, { roles: ["ISVA"], organisation: "Service K" });
    const { user: staff } = await makeUser(db, { roles: ["AREA_STAFF"], areaId: "south-west" });
    const sent = [];
    for (let i = 0; i < 27; i++) sent.push(await query(isva, "south-west", { dueOn: `2026-02-${String(i + 1).padStart(2, "0")}` }));
    const first = await inboxPage(db, staff, { ...ALL, view: "waiting" });
    const second = await inboxPage(db, staff, { ...ALL, view: "waiting", page: 2 });
    expect(first.pages).toBe(2);
    expect(first.rows.map((row) => row.reference)).toEqual(sent.slice(0, 25));
    expect(second.rows.map((row) => row.reference)).toEqual(sent.slice(25));
    expect((await inboxPage(db, staff, { ...ALL, view: "closed" })).pages).toBe(1);
  });

  it("finds a query by its reference, by its URN however it is written, or by part of the ISVA's name, in the staff member's own Area only", async () => {
    const { user: isva } = await makeUser(db, { roles: ["ISVA"], organisation: "Service L" });
    await db.user.update({ where: { id: isva.id }, data: { name: "Morgan 100%_Price" } });
    const { user: staff } = await makeUser(db, { roles: ["AREA_STAFF"], areaId: "thames-chiltern" });
    const { user: elsewhere } = await makeUser(db, { roles: ["AREA_STAFF"], areaId: "south-east" });
    const withUrn = await query(isva, "thames-chiltern", { urn: "45/CD/03034/21" });
    const other = await query(isva, "thames-chiltern");
    const found = async (text: string, who = staff) => (await searchInbox(db, who, readInboxSearch(text)!)).map((row) => row.reference).sort();

    expect(await found(withUrn.toLowerCase())).toEqual([withUrn]);
    expect(await found(" 45/cd/03034/21 ")).toEqual([withUrn]);
    expect(await found("45 CD 03034 21")).toEqual([withUrn]);
    expect(await found("morgan")).toEqual([withUrn, other].sort());
    // % and _ are letters in a name, not patterns.
    expect(await found("100%_p")).toEqual([withUrn, other].sort());
    expect(await found("100%%")).toEqual([]);
    expect(await found("morgan", elsewhere)).toEqual([]);
    expect(await found(withUrn, elsewhere)).toEqual([]);
    expect(readInboxSearch("   ")).toBeNull();
  });
});

describe("the inbox's address", () => {
  it("reads anything unknown as the default, and writes only what differs from it", () => {
    expect(readInboxFilter(new URLSearchParams("view=evil&category=x&assigned=y&sort=z&page=-1&overdue=no"))).toEqual({
      view: "waiting", category: undefined, assigned: undefined, overdue: false, sort: "due", page: 1,
    });
    const filter = readInboxFilter(new URLSearchParams("view=closed&category=TRIAL_DATE&assigned=me&overdue=yes&sort=received&page=3"));
    expect(filter).toEqual({ view: "closed", category: "TRIAL_DATE", assigned: "me", overdue: true, sort: "received", page: 3 });
    expect(readInboxFilter(new URLSearchParams(inboxSearchParams(filter).slice(1)))).toEqual(filter);
    expect(inboxSearchParams(filter, { page: 1, view: "waiting" })).toBe("?category=TRIAL_DATE&assigned=me&overdue=yes&sort=received");
    expect(inboxSearchParams(readInboxFilter(new URLSearchParams()))).toBe("");
  });
});
