// The outbox worker as a real process (app/server/worker-main.ts), killed with
// SIGKILL at random moments and started again until a queue of 1,000 e-mails is
// delivered to a real SMTP server. Nothing may be lost; a message may arrive
// twice only if a worker died between sending it and marking it sent, and then
// with the same Message-ID as its first copy.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { afterAll, beforeAll, expect, it } from "vitest";
import { queueMail, stableMessageId } from "~/features/mail/outbox.server.ts";
import { OUTBOX_CONCURRENCY } from "~/features/mail/worker.server.ts";
import type { Db } from "~/utils/db.server.ts";
import { createMigratedDatabase } from "../../setup/database.ts";
import { startSmtpSink } from "../../setup/smtp.ts";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const WORKER_ENTRY = path.join(ROOT, "app/server/worker-main.ts");
const DOMAIN = "portal.example";
const RECIPIENT = "rasso.unit@cps.example";
const QUEUED = 1000;
// Short enough that rows claimed by a killed worker come back within the test.
const LEASE_MS = 2000;
// The worker keeps a few connections open and sends on each in turn; the sink
// holds its reply to each message for 120 ms, so every send takes that long and
// a kill nearly always finds all lanes mid-send, in the window in which a
// message has arrived but the worker has not yet marked it sent: that is where
// duplicates come from.
const REPLY_DELAY_MS = 120;
// About 30 messages a second get through, so 1,000 take over half a minute and
// a worker living 3.5 s on average is killed about ten times. Every restart
// costs most of a second on a busy machine.
const LONGEST_LIFE_MS = 7000;
const MAX_KILLS = 20;
const DEADLINE_MS = 75_000;
const STARTUP_TIMEOUT_MS = 20_000;

let db: Db;
let url: string;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
const idsBySubject = new Map<string, string>();
let running: ChildProcess | undefined;

beforeAll(async () => {
  ({ url, db } = await createMigratedDatabase());
  sink = await startSmtpSink({ replyDelayMs: REPLY_DELAY_MS });
  await db.$transaction(
    async (tx) => {
      for (let i = 1; i <= QUEUED; i++) {
        const subject = `Crash test message ${String(i).padStart(4, "0")}`;
        const { id } = await queueMail(tx, { to: RECIPIENT, subject, text: `Message ${i} of ${QUEUED}.\n` });
        idsBySubject.set(subject, id);
      }
    },
    { timeout: 30_000 },
  );
});

afterAll(async () => {
  if (running && running.exitCode === null && running.signalCode === null) running.kill("SIGKILL");
  await sink?.close();
  await db?.$disconnect();
});

/** A small seeded generator (mulberry32), so a run's kill times can be told apart by seed. */
function pseudoRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Worker = { child: ChildProcess; exited: Promise<string> };

/**
 * Starts the worker entry in a process of its own and resolves once it has
 * started polling. Node runs the file directly (with tsx as a loader) rather
 * than through the tsx command, which would put a second process in between
 * and leave the worker running when only that one is killed.
 */
async function startWorker(env: NodeJS.ProcessEnv, errors: string[]): Promise<Worker> {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER_ENTRY], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running = child;
  const exited = new Promise<string>((resolve) => child.once("exit", (code, signal) => resolve(signal ?? String(code))));
  // Warnings and errors go to stderr; none is expected, whatever the kills.
  readline.createInterface({ input: child.stderr! }).on("line", (line) => errors.push(line));
  const output = readline.createInterface({ input: child.stdout! });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("The worker did not start in time.")), STARTUP_TIMEOUT_MS);
    output.on("line", (line) => {
      if (line.includes('"outbox worker started"')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`The worker ended before it started (${how}):\n${errors.join("\n")}`));
    });
  });
  return { child, exited };
}

const undelivered = () => db.outboxMessage.count({ where: { status: { not: "SENT" } } });

it("loses no e-mail when its worker is killed again and again, and repeats only messages in flight", { timeout: 100_000 }, async () => {
  const seed = Number(process.env.OUTBOX_CRASH_SEED) || Math.floor(Math.random() * 2 ** 31);
  const random = pseudoRandom(seed);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: url,
    PUBLIC_URL: `https://${DOMAIN}`,
    SMTP_URL: sink.url,
    OUTBOX_LEASE_MS: String(LEASE_MS),
    LOG_LEVEL: "info",
  };
  const errors: string[] = [];
  // Rows a killed worker had claimed and not finished: sent or not, it never said.
  const claimedAtKills = new Set<string>();
  let kills = 0;
  const start = Date.now();
  const deadline = start + DEADLINE_MS;

  for (;;) {
    const worker = await startWorker(env, errors);
    const life = random() * LONGEST_LIFE_MS;
    if (kills < MAX_KILLS && Date.now() + life < deadline) {
      await sleep(life);
      if ((await undelivered()) > 0) {
        worker.child.kill("SIGKILL");
        expect(await worker.exited).toBe("SIGKILL");
        kills++;
        const unfinished = await db.outboxMessage.findMany({
          where: { status: "PENDING", lockedUntil: { not: null } },
          select: { id: true },
        });
        for (const { id } of unfinished) claimedAtKills.add(id);
        continue;
      }
    }
    // Enough kills, or nothing left: this worker finishes the queue and stops cleanly.
    while ((await undelivered()) > 0 && Date.now() < deadline) await sleep(100);
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe("0");
    break;
  }
  const seconds = ((Date.now() - start) / 1000).toFixed(1);

  const copies = new Map<string, (string | undefined)[]>();
  for (const mail of sink.received) {
    const subject = mail.subject ?? "";
    copies.set(subject, [...(copies.get(subject) ?? []), mail.messageId]);
  }
  const lost = [...idsBySubject.keys()].filter((subject) => !copies.has(subject));
  const delivered = [...copies.keys()].filter((subject) => idsBySubject.has(subject)).length;
  const duplicates = [...copies.values()].reduce((sum, ids) => sum + ids.length - 1, 0);
  console.log(
    `outbox crash: seed ${seed}, queued ${QUEUED}, kills ${kills}, delivered ${delivered}, duplicates ${duplicates}, ` +
      `lost ${lost.length}, claimed at kills ${claimedAtKills.size}, ${seconds} s`,
  );

  expect(await undelivered(), `the queue was not drained within ${DEADLINE_MS / 1000} s`).toBe(0);
  expect(errors).toEqual([]);
  expect(lost).toEqual([]);
  expect([...copies.keys()].filter((subject) => !idsBySubject.has(subject))).toEqual([]);
  for (const [subject, id] of idsBySubject) {
    const messageIds = copies.get(subject)!;
    // Every copy, the first included, carries the Message-ID derived from its row.
    expect(new Set(messageIds)).toEqual(new Set([stableMessageId(id, DOMAIN)]));
    if (messageIds.length > 1) expect(claimedAtKills, `${subject} was repeated without a kill`).toContain(id);
  }
  // A worker has at most OUTBOX_CONCURRENCY messages between sending and marking.
  expect(duplicates).toBeLessThanOrEqual(kills * OUTBOX_CONCURRENCY);
  expect(kills).toBeGreaterThanOrEqual(3);
});
