// A query's history: assignment, status, internal notes and transfers to
// another Area, each written with its timeline row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addQueryNote,
  assignQuery,
  queryEvents,
  setQueryStatus,
  transferQuery,
  transferredFrom,
} from "~/features/queries/history.server.ts";
import {
  isvaQuery,
  replyToQuery,
} from "~/features/queries/queries.server.ts";
import { queryTimeline } from "~/features/queries/views.server.ts";
import type { User } from "~/generated/prisma/client.ts";
import type { Db } from "~/utils/db.server.ts";
import { createMigratedDatabase } from "../../setup/database.ts";
import { sendQuery } from "../../setup/queries.ts";
import { makeUser } from "../../setup/users.ts";
import { staffQueryPage } from "~/features/queries/staff-page.server.ts";

const ORIGIN = "https://portal.example";
let db: Db;
let isva: User;
let north: User;
let northColleague: User;
let south: User;

beforeAll(async () => {
  ({ db } = await createMigratedDatabase());
  isva = (
    await makeUser(db, { roles: ["ISVA"], organisation: "History service" })
  ).user as User;
  north = (
    await makeUser(db, {
      roles: ["AREA_STAFF"],
      areaId: "london-north",
      name: "Nia North",
    })
  ).user as User;
  northColleague = (
    await makeUser(db, {
      roles: ["VLO"],
      areaId: "london-north",
      name: "Cai Colleague",
    })
  ).user as User;
  south = (
    await makeUser(db, {
      roles: ["AREA_STAFF"],
      areaId: "london-south",
      name: "Sam South",
    })
  ).user as User;
});
afterAll(async () => {
  await db.$disconnect();
});

const idOf = async (reference: string) =>
  (await db.isvaQuery.findUniqueOrThrow({ where: { reference } })).id;

describe("assignment and status", () => {
  it("write a timeline row only when something changes, and name the colleague", async () => {
    const { reference } = await sendQuery(db, isva, "london-north");
    expect(await assignQuery(db, north, reference, northColleague.id)).toBe(
      true
    );
    expect(await assignQuery(db, north, reference, northColleague.id)).toBe(
      true
    );
    expect(await assignQuery(db, north, reference, null)).toBe(true);
    expect(await setQueryStatus(db, north, reference, "CLOSED")).toBe(true);
    expect(await setQueryStatus(db, north, reference, "IN_PROGRESS")).toBe(
      true
    );
    const events = await queryEvents(db, await idOf(reference));
    expect(
      events.map((event) => [
        event.kind,
        event.actor,
        event.assignee,
        event.detail.status ?? null,
      ])
    ).toEqual([
      ["ASSIGNED", "Nia North", "Cai Colleague", null],
      ["ASSIGNED", "Nia North", null, null],
      ["STATUS_CHANGED", "Nia North", null, "CLOSED"],
      ["STATUS_CHANGED", "Nia North", null, "IN_PROGRESS"],
    ]);
  });

  it("are refused to another Area's staff, and to someone outside the Area as assignee", async () => {
    const { reference } = await sendQuery(db, isva, "london-north");
    expect(await assignQuery(db, south, reference, south.id)).toBeNull();
    expect(await assignQuery(db, north, reference, south.id)).toBeNull();
    expect(await setQueryStatus(db, south, reference, "CLOSED")).toBeNull();
    expect(await queryEvents(db, await idOf(reference))).toEqual([]);
  });
});

describe("internal notes", () => {
  it("are kept encrypted, read back for staff, and never reach the ISVA's view", async () => {
    const { reference } = await sendQuery(db, isva, "london-north");
    const note = "Spoke to the OIC: file due from police on Friday.";
    expect(await addQueryNote(db, north, reference, note)).toBe(true);
    expect(await addQueryNote(db, south, reference, "Not ours")).toBeNull();
    const stored = await db.queryEvent.findFirstOrThrow({
      where: { query: { reference }, kind: "NOTE" },
    });
    expect(stored.text).not.toContain("OIC");
    expect(
      (await queryEvents(db, stored.queryId)).map((event) => event.text)
    ).toEqual([note]);
    expect(JSON.stringify(await isvaQuery(db, isva, reference))).not.toContain(
      "OIC"
    );
  });
});

describe("passing a query to another Area", () => {
  it("moves it at once, tells the new mailbox and the ISVA without the reason, and keeps the due date", async () => {
    const { reference } = await sendQuery(db, isva, "london-north");
    await assignQuery(db, north, reference, north.id);
    await replyToQuery(
      db,
      north,
      reference,
      "This looks like one for London South: passing it on.",
      ORIGIN
    );
    const before = await db.isvaQuery.findUniqueOrThrow({
      where: { reference },
    });
    const mailBefore = await db.outboxMessage.count();

    const reason =
      "The offence was in Croydon, so London South's unit has the case.";
    expect(
      await transferQuery(db, north, reference, "london-south", reason, ORIGIN)
    ).toEqual({ reference, toAreaId: "london-south" });

    const after = await db.isvaQuery.findUniqueOrThrow({
      where: { reference },
    });
    expect(after).toMatchObject({
      areaId: "london-south",
      assigneeId: null,
      status: "IN_PROGRESS",
      closedAt: null,
    });
    expect(after.dueOn).toEqual(before.dueOn);
    expect(await staffQueryPage(db, north, reference)).toBeNull();
    expect(await staffQueryPage(db, south, reference)).not.toBeNull();
    expect(await addQueryNote(db, north, reference, "too late")).toBeNull();

    const mail = await db.outboxMessage.findMany({
      orderBy: { createdAt: "asc" },
      skip: mailBefore,
    });
    expect(mail.map((message) => message.toAddress).sort()).toEqual(
      [isva.email, "rasso.london-south@cps.example"].sort()
    );
    const toArea = mail.find((message) =>
      message.toAddress.startsWith("rasso.")
    )!;
    expect(toArea.subject).toContain(reference);
    expect(toArea.textBody).toContain(
      "CPS London North has passed an ISVA query to CPS London South"
    );
    expect(toArea.textBody).toContain(`${ORIGIN}/staff/queries/${reference}`);
    for (const message of mail)
      expect(message.textBody).not.toContain("Croydon");
    expect(
      mail.find((message) => message.toAddress === isva.email)!.textBody
    ).toContain("You do not need to send it again");

    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "query.transferred", targetId: after.id },
    });
    expect(audit).toMatchObject({
      actorId: north.id,
      areaId: "london-north",
      detail: { fromAreaId: "london-north", toAreaId: "london-south" },
    });
    expect(await transferredFrom(db, north, reference)).toEqual({
      nameEn: "CPS London South",
      nameCy: "CPS De Llundain",
    });
    expect(await transferredFrom(db, south, reference)).toBeNull();

    // The new Area's staff see why, in the timeline.
    const [transfer] = (await queryEvents(db, after.id)).filter(
      (event) => event.kind === "TRANSFERRED"
    );
    expect(transfer).toMatchObject({
      actor: "Nia North",
      text: reason,
      detail: { fromAreaId: "london-north", toAreaId: "london-south" },
    });
  });

  it("never lets a reply or a note from the old Area land after the query has moved, whichever commits first", async () => {
    for (let i = 0; i < 8; i++) {
      const { reference } = await sendQuery(db, isva, "london-north");
      const [, replied, noted] = await Promise.all([
        transferQuery(db, north, reference, "london-south", "Belongs to South", ORIGIN),
        replyToQuery(db, north, reference, "A last word from North", ORIGIN),
        addQueryNote(db, north, reference, "A late note"),
      ]);
      const after = await db.isvaQuery.findUniqueOrThrow({ where: { reference }, include: { messages: true, events: true } });
      expect(after).toMatchObject({ areaId: "london-south", assigneeId: null });
      // Whatever North managed came before the move, which left the query waiting for South.
      expect(after.status).toBe(replied ? "IN_PROGRESS" : "NEW");
      expect(after.messages.some((message) => message.fromStaff)).toBe(Boolean(replied));
      expect(after.events.filter((event) => event.kind === "NOTE")).toHaveLength(noted ? 1 : 0);
      const at = (kind: string) => after.events.find((event) => event.kind === kind)!.createdAt.getTime();
      if (noted) expect(at("NOTE")).toBeLessThanOrEqual(at("TRANSFERRED"));
    }
  });

  it("is refused to its own Area, to an Area that does not exist, and to another Area's staff", async () => {
    const { reference } = await sendQuery(db, isva, "london-north");
    expect(
      await transferQuery(db, north, reference, "london-north", "same", ORIGIN)
    ).toBeNull();
    expect(
      await transferQuery(db, north, reference, "atlantis", "nowhere", ORIGIN)
    ).toBeNull();
    expect(
      await transferQuery(db, south, reference, "wessex", "not mine", ORIGIN)
    ).toBeNull();
    expect(
      (await db.isvaQuery.findUniqueOrThrow({ where: { reference } })).areaId
    ).toBe("london-north");
  });
});

describe("the timeline", () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 6, 1, 12, minute));
  const name = (id: string) =>
    ({ "london-north": "CPS London North", "london-south": "CPS London South" }[
      id
    ] ?? id);
  const event = (kind: string, minute: number, extra: object = {}) => ({
    kind,
    at: at(minute),
    actor: "Nia North",
    assignee: null,
    text: null,
    detail: {},
    ...extra,
  });

  it("runs newest first from receipt, with replies, reopening, closing, transfers and notes said in UK time", () => {
    const items = queryTimeline(
      {
        createdAt: at(0),
        isvaName: "Isla Adviser",
        reason: "Routed by the police force.",
      },
      [
        { fromStaff: false, author: "Isla Adviser", createdAt: at(0) },
        { fromStaff: true, author: "Nia North", createdAt: at(5) },
        { fromStaff: false, author: "Isla Adviser", createdAt: at(9) },
      ],
      [
        event("ASSIGNED", 1, {
          assignee: "Cai Colleague",
          detail: { assigneeId: "x" },
        }),
        event("STATUS_CHANGED", 6, {
          detail: { status: "CLOSED", from: "ANSWERED" },
        }),
        event("STATUS_CHANGED", 7, {
          detail: { status: "IN_PROGRESS", from: "CLOSED" },
        }),
        event("STATUS_CHANGED", 8, {
          detail: { status: "ANSWERED", from: "IN_PROGRESS" },
        }),
        event("NOTE", 10, { text: "Chased the OIC." }),
        event("TRANSFERRED", 11, {
          text: "Croydon",
          detail: { fromAreaId: "london-north", toAreaId: "london-south" },
        }),
      ],
      "en",
      name
    );
    expect(
      items.map((item) => item.title.replace("queries.timeline.", ""))
    ).toEqual([
      "transferred",
      "note",
      "isvaAdded",
      "status",
      "reopened",
      "closed",
      "replied",
      "assigned",
      "received",
    ]);
    expect(items[0]).toMatchObject({
      values: { from: "CPS London North", to: "CPS London South" },
      text: "Croydon",
      byline: "Nia North",
      internal: false,
    });
    expect(items[1]).toMatchObject({ text: "Chased the OIC.", internal: true });
    expect(items.at(-1)).toMatchObject({
      byline: "Isla Adviser",
      text: "Routed by the police force.",
      when: "1 July 2026 at 1pm",
      at: "2026-07-01T12:00:00.000Z",
    });
    expect(items.at(-2)).toMatchObject({ values: { name: "Cai Colleague" } });
  });
});

describe("a query's page for its Area's staff", () => {
  it("is one read of the query, its thread, timeline, colleagues and saved replies, audited, and null for another Area", async () => {
    const { reference } = await sendQuery(db, isva, "london-north");
    expect(await assignQuery(db, north, reference, northColleague.id)).toBe(true);
    expect(await addQueryNote(db, north, reference, "Spoke to the case lawyer.")).toBe(true);
    expect(await replyToQuery(db, north, reference, "A decision is due this month.", ORIGIN)).not.toBeNull();
    await db.replySnippet.create({ data: { areaId: "london-north", title: `North reply ${reference}`, body: "…" } });
    await db.replySnippet.create({ data: { areaId: "london-south", title: `South reply ${reference}`, body: "…" } });
    const id = await idOf(reference);
    const reads = () => db.auditEvent.count({ where: { action: "case.read", targetId: id } });

    const page = (await staffQueryPage(db, north, reference))!;
    expect(page.id).toBe(id);
    expect(page.assigneeId).toBe(northColleague.id);
    expect(page.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(page.messages.map((m) => [m.fromStaff, m.body])).toEqual([
      [false, expect.any(String)],
      [true, "A decision is due this month."],
    ]);
    expect(page.messages[1]!.createdAt).toBeInstanceOf(Date);
    // The same timeline as queryEvents reads, the note decrypted.
    expect(page.events).toEqual(await queryEvents(db, id));
    expect(page.events.map((e) => [e.kind, e.assignee, e.text])).toEqual([
      ["ASSIGNED", "Cai Colleague", null],
      ["NOTE", null, "Spoke to the case lawyer."],
    ]);
    // Colleagues are the Area's active staff and VLOs, by name; saved replies are the Area's own.
    const names = page.colleagues.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(["Cai Colleague", "Nia North"]));
    expect(names).not.toContain("Sam South");
    expect([...names].sort((a, b) => a.localeCompare(b))).toEqual(names);
    expect(page.snippets.map((s) => s.title)).toContain(`North reply ${reference}`);
    expect(page.snippets.map((s) => s.title)).not.toContain(`South reply ${reference}`);
    expect(await reads()).toBe(1);

    // Another Area reads nothing, and nothing is audited as read.
    expect(await staffQueryPage(db, south, reference)).toBeNull();
    expect(await reads()).toBe(1);
  });
});
