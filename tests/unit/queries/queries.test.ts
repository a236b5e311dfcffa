import fc from "fast-check";
import type { AddressObject } from "mailparser";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTransport } from "~/features/mail/transport.server.ts";
import { startOutboxWorker } from "~/features/mail/worker.server.ts";
import { uiStrings } from "~/features/i18n/resources.server.ts";
import { inboxPage } from "~/features/queries/inbox.server.ts";
import { isvaQuery, replyToQuery, submitQuery } from "~/features/queries/queries.server.ts";
import { querySchema, type QueryInput } from "~/features/queries/schema.ts";
import { routeQuery } from "~/features/queries/form.server.ts";
import { connectDb, type Db } from "~/utils/db.server.ts";
import { createMigratedDatabase } from "../../setup/database.ts";
import { startSmtpSink } from "../../setup/smtp.ts";
import { makeUser } from "../../setup/users.ts";
import { staffQueryPage } from "~/features/queries/staff-page.server.ts";

const categories = { en: uiStrings("en").queries.categories, cy: uiStrings("cy").queries.categories };
const ORIGIN = "https://portal.example";
const QUESTION = "When is the plea hearing? The victim is worried about meeting the defendant in the waiting area.";

let db: Db;
let url: string;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  ({ db, url } = await createMigratedDatabase());
  smtp = await startSmtpSink();
});
afterAll(async () => {
  await smtp.close();
  await db.$disconnect();
});
beforeEach(() => {
  smtp.received.length = 0;
});

async function send(isva: Awaited<ReturnType<typeof makeUser>>["user"], input: Partial<QueryInput>, client: Db = db) {
  const parsed = querySchema.parse({ category: "CASE_PROGRESS", question: QUESTION, consent: "yes", ...input });
  const { result } = await routeQuery(client, parsed);
  if (result.kind !== "routed") throw new Error(`not routed: ${JSON.stringify(result)}`);
  return submitQuery(
    client,
    isva,
    parsed,
    { areaId: result.areaId, forceId: result.forceId, urn: result.urn, reason: result.reason, boroughId: "boroughId" in result.reason ? result.reason.boroughId : undefined },
    { origin: ORIGIN, categories },
  );
}

function worker(client: Db) {
  return startOutboxWorker({
    db: client,
    poll: false,
    transport: createTransport({ smtpUrl: smtp.url, mailDir: "unused", from: "RASSO portal <no-reply@portal.example>", messageIdDomain: "portal.example" }),
    log: { info() {}, warn() {}, error() {} },
  });
}

const recipient = (mail: { to?: AddressObject | AddressObject[] }) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address;

describe("sending a query", () => {
  it("stores it and its two e-mails together; neither e-mail carries the question", async () => {
    const { user: isva } = await makeUser(db, { roles: ["ISVA"], organisation: "Service A" });
    const { reference, areaId } = await send(isva, { forceId: "metropolitan", boroughId: "lambeth" });
    expect(reference).toMatch(/^Q-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(areaId).toBe("london-south");
    const stored = await db.isvaQuery.findUniqueOrThrow({ where: { reference }, include: { messages: true } });
    expect(stored.messages[0]!.body).not.toContain("plea");
    expect(await db.outboxMessage.count({ where: { idempotencyKey: { endsWith: stored.id } } })).toBe(2);

    await worker(db).runOnce();
    const mails = smtp.received.filter((mail) => mail.subject?.includes(reference));
    expect(mails.map(recipient).sort()).toEqual(["rasso.london-south@cps.example", isva.email].sort());
    for (const mail of mails) {
      expect(mail.text).not.toContain("plea hearing");
      expect(mail.text).toContain(reference);
    }
    // Delivered messages keep no content in the portal.
    const rows = await db.outboxMessage.findMany({ where: { idempotencyKey: { endsWith: stored.id } } });
    expect(rows.map((row) => [row.status, row.textBody, row.htmlBody])).toEqual([["SENT", "", null], ["SENT", "", null]]);
  });

  it("puts the question in the Area's e-mail only when its mailbox is cleared for full content", async () => {
    await db.area.update({ where: { id: "wessex" }, data: { fullContentEmail: true } });
    const { user: isva } = await makeUser(db, { roles: ["ISVA"], organisation: "Service B" });
    const { reference } = await send(isva, { urn: "44/ab/12345/25" });
    await worker(db).runOnce();
    const toArea = smtp.received.find((mail) => mail.subject?.includes(reference) && recipient(mail) === "rasso.wessex@cps.example");
    const toIsva = smtp.received.find((mail) => mail.subject?.includes(reference) && recipient(mail) === isva.email);
    expect(toArea?.text).toContain("plea hearing");
    expect(toArea?.text).toContain("44/AB/12345/25");
    expect(toIsva?.text).not.toContain("plea hearing");
    await db.area.update({ where: { id: "wessex" }, data: { fullContentEmail: false } });
  });

  it("keeps line breaks in the question out of every header", async () => {
    const { user: isva } = await makeUser(db, { roles: ["ISVA"], organisation: "Service C" });
    const { reference } = await send(isva, { forceId: "kent", question: "Subject: injected\r\nBcc: attacker@evil.example\r\n\r\nbody" });
    await worker(db).runOnce();
    const mails = smtp.received.filter((mail) => mail.subject?.includes(reference));
    expect(mails).toHaveLength(2);
    for (const mail of mails) {
      expect(mail.bcc).toBeUndefined();
      expect(mail.headers.get("subject")).not.toMatch(/injected/);
    }
    // Fields that reach headers refuse line breaks at the form.
    for (const field of ["urn", "forceId", "boroughId", "offenceAreaId", "category", "consent"]) {
      expect(querySchema.safeParse({ category: "OTHER", question: "q", consent: "yes", [field]: "a\r\nBcc: x@y.example" }).success, field).toBe(false);
    }
  });
});

describe("reading and replying", () => {
  it("shows a query only to its Area's staff and to the ISVA who sent it", async () => {
    const { user: isva } = await makeUser(db, { roles: ["ISVA"], organisation: "Service D" });
    const { user: otherIsva } = await makeUser(db, { roles: ["ISVA"], organisation: "Service D" });
    const { user: south } = await makeUser(db, { roles: ["AREA_STAFF"], areaId: "london-south" });
    const { user: north } = await makeUser(db, { roles: ["AREA_STAFF"], areaId: "london-north" });
    const { reference } = await send(isva, { forceId: "metropolitan", boroughId: "croydon" });

    expect((await staffQueryPage(db, south, reference))?.messages[0]?.body).toBe(QUESTION);
    expect(await staffQueryPage(db, north, reference)).toBeNull();
    expect((await inboxPage(db, north, { view: "all", sort: "due", page: 1 })).rows.some((q) => q.reference === reference)).toBe(false);
    expect(await isvaQuery(db, otherIsva, reference)).toBeNull();
    expect(await replyToQuery(db, north, reference, "From the wrong Area", ORIGIN)).toBeNull();

    expect(await replyToQuery(db, south, reference, "The plea hearing is on 4 March.", ORIGIN)).not.toBeNull();
    const seen = await isvaQuery(db, isva, reference);
    expect(seen?.status).toBe("ANSWERED");
    expect(seen?.messages.map((m) => m.body)).toEqual([QUESTION, "The plea hearing is on 4 March."]);
    expect(seen?.firstReplyAt).not.toBeNull();
    // Every read of a query by staff is in the audit trail.
    expect(await db.auditEvent.count({ where: { action: "case.read", actorId: south.id } })).toBeGreaterThan(0);
  });

  it("sets the reply due date in working days from the Area's setting", async () => {
    await db.area.update({ where: { id: "cymru-wales" }, data: { responseDays: 3 } });
    const { user: isva } = await makeUser(db, { roles: ["ISVA"], organisation: "Service E" });
    const { reference } = await send(isva, { forceId: "gwent" });
    const stored = await db.isvaQuery.findUniqueOrThrow({ where: { reference } });
    const { addWorkingDays, todayInLondon } = await import("~/features/dates/dates.ts");
    expect(stored.dueOn.toISOString().slice(0, 10)).toBe(addWorkingDays(todayInLondon(), 3));
  });
});

describe("two instances, one database", () => {
  it("store 200 queries sent at once and deliver 400 e-mails, each once", async () => {
    const second = connectDb(url, { max: 10 });
    const isvas = await Promise.all([1, 2, 3, 4].map((n) => makeUser(db, { roles: ["ISVA"], organisation: `Load ${n}` })));
    await db.outboxMessage.updateMany({ where: { status: "PENDING" }, data: { status: "SENT" } });
    const references = await Promise.all(
      Array.from({ length: 200 }, (_, i) => send(isvas[i % 4]!.user, { forceId: i % 2 ? "lancashire" : "cumbria" }, i % 2 ? db : second)),
    );
    expect(new Set(references.map((r) => r.reference)).size).toBe(200);
    expect(await db.isvaQuery.count({ where: { reference: { in: references.map((r) => r.reference) } } })).toBe(200);

    const one = worker(db);
    const two = worker(second);
    smtp.received.length = 0;
    for (let round = 0; round < 40 && smtp.received.length < 400; round++) {
      await Promise.all([one.runOnce(), two.runOnce()]);
    }
    expect(smtp.received).toHaveLength(400);
    const ids = smtp.received.map((mail) => mail.messageId);
    expect(new Set(ids).size).toBe(400);
    expect(await db.outboxMessage.count({ where: { status: "PENDING" } })).toBe(0);
    await second.$disconnect();
  }, 120_000);
});

describe("the query form's schema", () => {
  it("never throws, whatever it is sent", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom("urn", "forceId", "boroughId", "category", "question", "consent", "x"), fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.string()))), (input) => {
        const result = querySchema.safeParse(input);
        if (result.success) {
          expect(result.data.question.length).toBeGreaterThan(0);
          expect(result.data.question.length).toBeLessThanOrEqual(5000);
        }
      }),
      { numRuns: 500 },
    );
  });
});
