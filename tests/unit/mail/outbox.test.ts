// The mail outbox against a real PostgreSQL and a real SMTP server: delivery,
// retries, crashed workers, competing workers and header injection.
import fs from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  claimBatch,
  describeMailError,
  MailHeaderError,
  markFailed,
  markSent,
  MAX_ATTEMPTS,
  normaliseSubject,
  queueMail,
  retryDelayMs,
  stableMessageId,
  type MailMessage,
} from "~/features/mail/outbox.server.ts";
import {
  createTransport,
  listMailFiles,
  MailFileNameError,
  readMailFile,
  type MailTransport,
} from "~/features/mail/transport.server.ts";
import { startOutboxWorker, type OutboxLog, type OutboxWorkerOptions } from "~/features/mail/worker.server.ts";
import { connectDb, type Db } from "~/utils/db.server.ts";
import { createMigratedDatabase } from "../../setup/database.ts";

const DOMAIN = "portal.example";
const FROM = "RASSO portal <no-reply@portal.example>";
const RECIPIENT = "isva.worker@support.example";

let url: string;
let db: Db;
let smtp: SMTPServer;
let smtpUrl: string;
let received: ParsedMail[] = [];
let refusal: number | undefined;
let logged: unknown[] = [];

const quietLog: OutboxLog = {
  info: (message, fields) => void logged.push([message, fields]),
  warn: (message, fields) => void logged.push([message, fields]),
  error: (message, fields) => void logged.push([message, fields]),
};

beforeAll(async () => {
  ({ url, db } = await createMigratedDatabase());
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // No reverse DNS for 127.0.0.1: it only slows every connection down.
    disableReverseLookup: true,
    onRcptTo(address, _session, callback) {
      if (refusal === undefined) return callback();
      // Relays echo the recipient in their replies; the outbox must not keep it.
      const error = Object.assign(new Error(`<${address.address}> mailbox busy, try later`), { responseCode: refusal });
      callback(error);
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  smtp.on("error", () => {});
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await db.$disconnect();
});

beforeEach(async () => {
  await db.outboxMessage.deleteMany();
  received = [];
  refusal = undefined;
  logged = [];
});

const smtpTransport = () => createTransport({ smtpUrl, mailDir: "unused", from: FROM, messageIdDomain: DOMAIN });

function worker(options: Partial<OutboxWorkerOptions> = {}) {
  return startOutboxWorker({ db, transport: smtpTransport(), log: quietLog, poll: false, ...options });
}

function message(overrides: Partial<MailMessage> = {}): MailMessage {
  return {
    to: RECIPIENT,
    subject: "A new query for your Area",
    text: "A query is waiting in the portal.\n",
    ...overrides,
  };
}

const recipientOf = (mail: ParsedMail) => (mail.to as AddressObject).value[0]?.address;
const later = (ms: number) => new Date(Date.now() + ms);

async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("Timed out waiting for a condition.");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("queueMail", () => {
  it("writes the row in the caller's transaction, so a rolled-back change sends nothing", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await queueMail(tx, message());
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.outboxMessage.count()).toBe(0);

    const { id } = await db.$transaction((tx) => queueMail(tx, message()));
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 0, toAddress: RECIPIENT, lockedUntil: null });
    expect(Math.abs(row.nextAttemptAt.getTime() - Date.now())).toBeLessThan(5_000);
  });

  it("queues a message with an idempotency key once, and says so the second time", async () => {
    const first = await queueMail(db, message({ idempotencyKey: "query-42-answered" }));
    const second = await db.$transaction((tx) => queueMail(tx, message({ idempotencyKey: "query-42-answered" })));
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    expect(await db.outboxMessage.count()).toBe(1);
  });
});

describe("delivery over SMTP", () => {
  it("delivers a queued message exactly once with its stable Message-ID", async () => {
    const invite = Buffer.from("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
    const { id } = await queueMail(
      db,
      message({
        subject: "Your pre-trial meeting — cyfarfod cyn y treial",
        html: "<p>A query is waiting in the portal.</p>",
        attachments: [{ filename: "meeting.ics", contentType: "text/calendar; charset=utf-8", content: invite }],
      }),
    );
    const outbox = worker({ clock: () => later(1000) });

    expect(await outbox.runOnce()).toBe(1);
    expect(await outbox.runOnce()).toBe(0);

    expect(received).toHaveLength(1);
    const [mail] = received as [ParsedMail];
    expect(mail.messageId).toBe(stableMessageId(id, DOMAIN));
    expect(mail.subject).toBe("Your pre-trial meeting — cyfarfod cyn y treial");
    expect(recipientOf(mail)).toBe(RECIPIENT);
    expect(mail.from?.value[0]?.address).toBe("no-reply@portal.example");
    expect(mail.text).toBe("A query is waiting in the portal.\n");
    expect(mail.html).toContain("<p>A query is waiting in the portal.</p>");
    expect(mail.attachments.map((a) => [a.filename, a.content.equals(invite)])).toEqual([["meeting.ics", true]]);

    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "SENT", attempts: 1, lockedUntil: null });
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(JSON.stringify(logged)).not.toContain("@");
  });

  it("retries a refused message with growing gaps and gives up after MAX_ATTEMPTS", async () => {
    refusal = 451;
    const { id } = await queueMail(db, message());
    let now = later(1000);
    const outbox = worker({ clock: () => now });
    const gaps: number[] = [];

    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await outbox.runOnce()).toBe(1);
      const row = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
      expect(row.attempts).toBe(attempt);
      expect(row.lastError).toMatch(/^EENVELOPE 451: /);
      expect(row.lastError).not.toContain("@");
      if (attempt === MAX_ATTEMPTS) {
        expect(row.status).toBe("DEAD");
        break;
      }
      expect(row).toMatchObject({ status: "PENDING", lockedUntil: null });
      const gap = row.nextAttemptAt.getTime() - now.getTime();
      expect(gap).toBeGreaterThanOrEqual(30_000 * 2 ** (attempt - 1));
      expect(gap).toBeLessThanOrEqual(Math.min(33_000 * 2 ** (attempt - 1), 3_600_000));
      gaps.push(gap);
      // Not due a millisecond early.
      now = new Date(row.nextAttemptAt.getTime() - 1);
      expect(await outbox.runOnce()).toBe(0);
      now = row.nextAttemptAt;
    }

    expect(gaps).toHaveLength(MAX_ATTEMPTS - 1);
    gaps.slice(1).forEach((gap, i) => expect(gap).toBeGreaterThan(gaps[i]!));
    now = new Date(now.getTime() + 24 * 3_600_000);
    expect(await outbox.runOnce()).toBe(0);
    expect(received).toHaveLength(0);
    expect(JSON.stringify(logged)).not.toContain("@");
  });

  it("loses nothing when a worker dies after claiming and before sending", async () => {
    const { id } = await queueMail(db, message());
    const start = later(1000);
    const claimed = await claimBatch(db, { limit: 10, leaseMs: 60_000, now: start });
    expect(claimed).toEqual([
      expect.objectContaining({ id, toAddress: RECIPIENT, status: "PENDING", attempts: 1, lockedUntil: new Date(start.getTime() + 60_000) }),
    ]);
    expect(await claimBatch(db, { limit: 10, leaseMs: 60_000, now: start })).toEqual([]);
    // The dead worker's claim holds until its lease runs out.
    const outbox = worker({ clock: () => new Date(start.getTime() + 59_000) });
    expect(await outbox.runOnce()).toBe(0);

    const rescuer = worker({ clock: () => new Date(start.getTime() + 60_001) });
    expect(await rescuer.runOnce()).toBe(1);
    expect(received.map((mail) => mail.messageId)).toEqual([stableMessageId(id, DOMAIN)]);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("sends a duplicate with the same Message-ID when a worker dies after sending and before marking", async () => {
    const { id } = await queueMail(db, message());
    const start = later(1000);
    const [claimed] = await claimBatch(db, { limit: 10, leaseMs: 60_000, now: start });
    await smtpTransport().send(claimed!);

    const rescuer = worker({ clock: () => new Date(start.getTime() + 60_001) });
    expect(await rescuer.runOnce()).toBe(1);
    expect(received.map((mail) => mail.messageId)).toEqual([stableMessageId(id, DOMAIN), stableMessageId(id, DOMAIN)]);

    // The first worker coming back late cannot undo the delivery.
    expect(await markFailed(db, id, new Error("late"), claimed!.attempts, start)).toBe("STALE");
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT" });
  });

  it("gives up on a message whose claims keep ending without a result", async () => {
    const { id } = await queueMail(db, message());
    let now = later(1000);
    for (let claim = 1; claim <= MAX_ATTEMPTS; claim++) {
      expect(await claimBatch(db, { limit: 1, leaseMs: 1000, now })).toHaveLength(1);
      now = new Date(now.getTime() + 1001);
    }
    expect(await worker({ clock: () => now }).runOnce()).toBe(1);
    expect(received).toHaveLength(0);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DEAD" });
  });

  it("never lets two claims take the same row", async () => {
    for (let i = 0; i < 100; i++) await queueMail(db, message({ subject: `Message ${i}` }));
    const now = later(1000);
    const instances = [connectDb(url, { max: 3 }), connectDb(url, { max: 3 })];
    try {
      const claims = await Promise.all(
        Array.from({ length: 12 }, (_, i) => claimBatch(instances[i % 2]!, { limit: 10, leaseMs: 60_000, now })),
      );
      const ids = claims.flat().map((row) => row.id);
      expect(ids).toHaveLength(100);
      expect(new Set(ids).size).toBe(100);
    } finally {
      await Promise.all(instances.map((instance) => instance.$disconnect()));
    }
  });

  it("delivers each of 100 messages exactly once with two workers polling the same database", async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 100; i++) ids.add((await queueMail(db, message({ subject: `Message ${i}` }))).id);
    const instances = [connectDb(url, { max: 2 }), connectDb(url, { max: 2 })];
    const sentBy = [0, 0];
    const workers = instances.map((instance, i) => {
      const transport = smtpTransport();
      const counting: MailTransport = {
        send: async (row) => {
          await transport.send(row);
          sentBy[i]!++;
        },
      };
      return startOutboxWorker({ db: instance, transport: counting, log: quietLog, intervalMs: 10, batchSize: 10 });
    });
    try {
      await waitFor(async () => (await db.outboxMessage.count({ where: { status: "SENT" } })) === 100);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      await Promise.all(instances.map((instance) => instance.$disconnect()));
    }

    const messageIds = received.map((mail) => mail.messageId);
    expect(messageIds).toHaveLength(100);
    expect(new Set(messageIds)).toEqual(new Set([...ids].map((id) => stableMessageId(id, DOMAIN))));
    expect(sentBy[0]! + sentBy[1]!).toBe(100);
    expect(sentBy.every((count) => count > 0)).toBe(true);
  });

  it("stops polling only after the batch in flight is finished", async () => {
    await queueMail(db, message());
    const transport = smtpTransport();
    let sending = () => {};
    let release = () => {};
    const started = new Promise<void>((resolve) => (sending = resolve));
    const slow: MailTransport = {
      send: async (row) => {
        sending();
        await new Promise<void>((resolve) => (release = resolve));
        await transport.send(row);
      },
    };
    const outbox = startOutboxWorker({ db, transport: slow, log: quietLog, intervalMs: 10 });
    await started;
    const stopping = outbox.stop();
    setTimeout(() => release(), 50);
    await stopping;
    expect(received).toHaveLength(1);
    expect(await db.outboxMessage.count({ where: { status: "SENT" } })).toBe(1);
  });
});

describe("header injection", () => {
  const lineBreak = fc.constantFrom("\r", "\n", "\r\n");

  it.each([
    "isva@support.example\r\nBcc: everyone@elsewhere.example",
    "isva@support.example\nBcc: everyone@elsewhere.example",
    "isva@support.example, everyone@elsewhere.example",
    "<isva@support.example>",
    "Someone <isva@support.example>",
    "isva@support.example ",
    "isva@support",
    "isva@@support.example",
    "isva@support..example",
    ".isva@support.example",
    "isva(comment)@support.example",
    '"isva"@support.example',
    "",
  ])("refuses the recipient %j", async (to) => {
    await expect(queueMail(db, message({ to }))).rejects.toThrow(MailHeaderError);
    expect(await db.outboxMessage.count()).toBe(0);
  });

  it.each(["Hello\r\nBcc: everyone@elsewhere.example", "Hello\nX-Priority: 1", "Hello\rthere", "Hello\0", "  ", "=?utf-8?q?Urgent?="])(
    "refuses the subject %j",
    async (subject) => {
      await expect(queueMail(db, message({ subject }))).rejects.toThrow(MailHeaderError);
    },
  );

  it("refuses any subject holding a line break", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary" }), lineBreak, fc.string({ unit: "binary" }), async (a, br, b) => {
        await expect(queueMail(db, message({ subject: a + br + b }))).rejects.toThrow(MailHeaderError);
      }),
      { numRuns: 300 },
    );
    expect(await db.outboxMessage.count()).toBe(0);
  });

  it("refuses any recipient holding a line break, a comma or angle brackets", async () => {
    const breaker = fc.constantFrom("\r", "\n", ",", "<", ">");
    await fc.assert(
      fc.asyncProperty(fc.string(), breaker, fc.string(), async (a, bad, b) => {
        await expect(queueMail(db, message({ to: `${a}isva${bad}${b}@support.example` }))).rejects.toThrow(MailHeaderError);
        await expect(queueMail(db, message({ to: `isva@support.example${bad}${a}` }))).rejects.toThrow(MailHeaderError);
      }),
      { numRuns: 300 },
    );
    expect(await db.outboxMessage.count()).toBe(0);
  });

  it.each([
    ["  Your   query\thas an answer ", "Your query has an answer"],
    ["a".repeat(250), "a".repeat(200)],
    [`${"😀".repeat(199)} and more`, "😀".repeat(199)],
  ])("normalises the subject %j", (subject, expected) => {
    expect(normaliseSubject(subject)).toBe(expected);
  });

  it("sends any single-line subject through SMTP unchanged", async () => {
    const outbox = worker({ clock: () => later(1000), batchSize: 50, concurrency: 25 });
    const subject = fc.oneof(
      fc.string({ unit: "binary", minLength: 1, maxLength: 200 }),
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 80 }),
      fc.string({ unit: fc.constantFrom(" ", "a", "=", "?", "q", '"', "é", "\t", "\u00a0", "\u0001"), minLength: 1 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(subject.filter((raw) => !/[\r\n\0]/.test(raw)), { minLength: 1, maxLength: 40 }), async (raws) => {
        received = [];
        const expected = new Map<string, string>();
        for (const raw of raws) {
          let stored: string;
          try {
            stored = normaliseSubject(raw);
          } catch (error) {
            // Only text a reader would not show as written is refused.
            expect(error).toBeInstanceOf(MailHeaderError);
            expect(raw.trim() === "" || raw.includes("=?")).toBe(true);
            continue;
          }
          const alreadyNormal = raw === raw.trim() && !/[ \t]{2,}|\t/.test(raw) && Array.from(raw).length <= 200;
          if (alreadyNormal) expect(stored).toBe(raw);
          const { id } = await queueMail(db, message({ subject: raw }));
          expect((await db.outboxMessage.findUniqueOrThrow({ where: { id } })).subject).toBe(stored);
          expected.set(stableMessageId(id, DOMAIN), stored);
        }
        expect(await outbox.runOnce()).toBe(expected.size);
        expect(new Map(received.map((mail) => [mail.messageId, mail.subject]))).toEqual(expected);
      }),
      { numRuns: 10 },
    );
  });
});

describe("stored errors", () => {
  it("keep codes and drop addresses and line breaks", () => {
    const error = Object.assign(new Error("Can't send mail - recipient rejected: 550 5.1.1 <victim.name@mail.example>:\r\nUser unknown"), {
      code: "EENVELOPE",
      responseCode: 550,
    });
    expect(describeMailError(error)).toBe("EENVELOPE 550: Can't send mail - recipient rejected: 550 5.1.1 <[address]>: User unknown");
    expect(describeMailError("a string")).toBe("Unknown error");
    expect(describeMailError(new Error("x".repeat(500))).length).toBeLessThanOrEqual(160);
  });

  it("back off from 30 seconds, doubling, to at most an hour", () => {
    expect([1, 2, 3, 8, 20].map((attempts) => retryDelayMs(attempts, () => 0))).toEqual([
      30_000, 60_000, 120_000, 3_600_000, 3_600_000,
    ]);
    expect(retryDelayMs(1, () => 0.999)).toBeLessThanOrEqual(33_000);
  });

  it("a message marked sent stays sent", async () => {
    const { id } = await queueMail(db, message());
    await markSent(db, id);
    await markSent(db, id);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT" });
  });
});

describe("the mail folder", () => {
  it("holds a parseable .eml per message and refuses names outside it", async () => {
    const mailDir = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "mail-")), "mail");
    try {
      const { id } = await queueMail(db, message({ subject: "Ateb i'ch ymholiad" }));
      const row = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
      const transport = createTransport({ mailDir, from: FROM, messageIdDomain: DOMAIN });
      await transport.send(row);
      await transport.send(row);

      const names = await listMailFiles(mailDir);
      expect(names).toEqual([`${row.createdAt.toISOString().replace(/[-:]/g, "")}-${id}.eml`]);
      expect(await fs.readdir(mailDir)).toEqual(names);
      const mail = await simpleParser((await readMailFile(mailDir, names[0]!))!);
      expect(mail.messageId).toBe(stableMessageId(id, DOMAIN));
      expect(mail.subject).toBe("Ateb i'ch ymholiad");
      expect(recipientOf(mail)).toBe(RECIPIENT);
      expect(mail.date?.getTime()).toBe(Math.floor(row.createdAt.getTime() / 1000) * 1000);

      for (const name of ["../x", "..", `../${names[0]}`, `sub/${names[0]}`, `/etc/${names[0]}`, `${names[0]}\0`, "x.eml"]) {
        await expect(readMailFile(mailDir, name)).rejects.toThrow(MailFileNameError);
      }
      expect(await readMailFile(mailDir, names[0]!.replace(/^\d/, "1"))).toBeNull();
      expect(await listMailFiles(path.join(mailDir, "absent"))).toEqual([]);
    } finally {
      await fs.rm(path.dirname(mailDir), { recursive: true, force: true });
    }
  });
});
