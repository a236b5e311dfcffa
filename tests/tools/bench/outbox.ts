// Outbox delivery: the real outbox worker (`npm run worker`'s program, a
// process of its own on the server CPU, NODE_ENV=production) sends N queued
// messages to an SMTP server on loopback (tests/setup/smtp.ts's sink, which
// parses and keeps every message, in this process on the client CPU). The
// figure is N divided by the time from the worker's start to the moment the
// database shows every message sent.
//
// The messages are the ones the query submissions queued, oldest first; any
// beyond N are held back a day, and any short of N are made up with the
// portal's own "new query" e-mail to an Area mailbox.
import crypto from "node:crypto";
import net from "node:net";
import path from "node:path";
import { renderEmail } from "../../../app/features/mail/emails.server.ts";
import { startSmtpSink } from "../../setup/smtp.ts";
import { type Context, type Row, megabytes, whole } from "./context.ts";
import { watchMemory } from "./memory.ts";
import { SERVER_CPU, embeddedDatabaseUrl, exited, pinned, sleep, start, stop } from "./processes.ts";
import { count } from "./queries.ts";

export const GOAL_PER_SECOND = 200;
const POLL_MS = 50;
const WORKER_START_TIMEOUT_MS = 60_000;
/** Slower than this and the run is stopped: the goal is far out of reach. */
const SLOWEST_PER_SECOND = 20;
// Timestamps are stored as UTC without a zone.
const UTC_NOW = "(now() AT TIME ZONE 'UTC')";

async function queueExactly(ctx: Context, messages: number) {
  const { db } = ctx;
  const due = `status = 'PENDING' AND next_attempt_at <= ${UTC_NOW}`;
  const pending = await count(db, `SELECT count(*) AS n FROM outbox_message WHERE ${due}`);
  if (pending > messages) {
    await db.query(
      `UPDATE outbox_message SET next_attempt_at = next_attempt_at + interval '1 day'
        WHERE id IN (SELECT id FROM outbox_message WHERE ${due} ORDER BY next_attempt_at, id OFFSET $1)`,
      [messages],
    );
  }
  const added = Math.max(0, messages - pending);
  for (let done = 0; done < added; done += 1000) {
    const batch = Math.min(1000, added - done);
    const rows = Array.from({ length: batch }, (_, i) => {
      const reference = `Q-BNCH-${String(done + i).padStart(4, "0")}`;
      const mail = renderEmail(
        "query-received",
        "en",
        { reference, category: "Case progress", area: "CPS North West", link: `${ctx.portalUrl}/staff/queries/${reference}` },
        { category: "Cynnydd yr achos", area: "CPS Gogledd-orllewin" },
      );
      return [`rasso-bench-${(done + i) % 14}@cps.example`, mail.subject, mail.text];
    });
    const values = rows.map((_, i) => `(gen_random_uuid(), $${3 * i + 1}, $${3 * i + 2}, $${3 * i + 3}, ${UTC_NOW}, ${UTC_NOW})`);
    await db.query(
      `INSERT INTO outbox_message (id, to_address, subject, text_body, next_attempt_at, created_at) VALUES ${values.join(", ")}`,
      rows.flat(),
    );
  }
  const queued = await count(db, `SELECT count(*) AS n FROM outbox_message WHERE ${due}`);
  if (queued !== messages) throw new Error(`${queued} messages are due, not ${messages}.`);
  return { fromSubmissions: Math.min(pending, messages), added, heldBack: Math.max(0, pending - messages) };
}

/** How long the SMTP server takes to greet a new connection: the median of a few. */
async function greetingDelayMs(url: string) {
  const { hostname, port } = new URL(url);
  const delays: number[] = [];
  for (let i = 0; i < 5; i++) {
    delays.push(
      await new Promise<number>((resolve, reject) => {
        const socket = net.connect(Number(port), hostname);
        let opened = 0;
        socket.setTimeout(5_000, () => socket.destroy(new Error("No greeting within 5 s.")));
        socket.once("connect", () => (opened = performance.now()));
        socket.once("data", () => {
          resolve(performance.now() - opened);
          socket.end("QUIT\r\n");
        });
        socket.once("error", reject);
      }),
    );
  }
  return delays.sort((a, b) => a - b)[2]!;
}

export async function measureOutbox(ctx: Context): Promise<Row> {
  const { options, db } = ctx;
  const messages = options.messages;
  const sink = await startSmtpSink();
  ctx.scope.defer(() => sink.close());
  const greeting = await greetingDelayMs(sink.url);
  const queued = await queueExactly(ctx, messages);
  const sentBefore = await count(db, "SELECT count(*) AS n FROM outbox_message WHERE status = 'SENT'");
  ctx.log(
    `Queued ${whole(messages)} messages (${whole(queued.fromSubmissions)} from the submissions, ${whole(queued.added)} added, ` +
      `${whole(queued.heldBack)} held back); SMTP sink on ${sink.url}.`,
  );

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: embeddedDatabaseUrl(ctx.pgPort),
    SMTP_URL: sink.url,
    PUBLIC_URL: ctx.portalUrl,
    // Required in production; the worker itself uses neither.
    SESSION_SECRET: crypto.randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
    DATA_DIR: path.join(ctx.dir, "worker"),
    LOG_LEVEL: "info",
  };
  const worker = start("the outbox worker", pinned(process.execPath, ["--import", "tsx", "app/server/worker-main.ts"], SERVER_CPU), { env });
  const memory = watchMemory(worker.child.pid);
  let started: number | undefined;
  let batches = 0;
  let partial = "";
  worker.child.stdout?.on("data", (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) {
      if (line.includes('"outbox worker started"')) started ??= performance.now();
      if (line.includes('"outbox batch"')) batches++;
    }
  });

  const problems: string[] = [];
  let finished: number | undefined;
  let sent = 0;
  let failed = 0;
  try {
    const startDeadline = Date.now() + WORKER_START_TIMEOUT_MS;
    while (started === undefined) {
      if (exited(worker.child)) throw new Error(`The outbox worker exited before it started:\n${worker.log.join("\n")}`);
      if (Date.now() > startDeadline) throw new Error(`The outbox worker did not start within ${WORKER_START_TIMEOUT_MS / 1000} s.`);
      await sleep(10);
    }
    // Slower than SLOWEST_PER_SECOND, or past the time the rest of the run needs: stop.
    const deadline = Math.min(started + (messages / SLOWEST_PER_SECOND + 30) * 1000, ctx.deadline - ctx.reserveFor("outbox") * 1000);
    while (finished === undefined) {
      const { rows } = await db.query<{ sent: string; failed: string }>(
        `SELECT count(*) FILTER (WHERE status = 'SENT') AS sent,
                count(*) FILTER (WHERE status = 'DEAD' OR (status = 'PENDING' AND last_error IS NOT NULL)) AS failed
           FROM outbox_message`,
      );
      sent = Number(rows[0]!.sent) - sentBefore;
      failed = Number(rows[0]!.failed);
      if (sent >= messages) finished = performance.now();
      else if (exited(worker.child)) throw new Error(`The outbox worker stopped after ${sent} messages:\n${worker.log.join("\n")}`);
      else if (failed) throw new Error(`${failed} deliveries failed:\n${worker.log.slice(-10).join("\n")}`);
      else if (performance.now() > deadline) {
        const seconds = (performance.now() - started) / 1000;
        throw new Error(
          `Stopped for the run's time limit: ${sent} of ${messages} messages sent in ${seconds.toFixed(1)} s ` +
            `(${whole(sent / seconds)}/s); run with fewer --messages.`,
        );
      }
      else await sleep(POLL_MS);
    }
  } finally {
    await stop(worker.child);
  }
  const peakRss = memory.stop();
  const seconds = (finished - started) / 1000;
  const rate = messages / seconds;

  const received = sink.received.length;
  const distinct = new Set(sink.received.map((mail) => mail.messageId)).size;
  if (received !== messages || distinct !== messages) {
    problems.push(`the SMTP server received ${received} messages (${distinct} distinct Message-IDs), not ${messages}`);
  }
  ctx.log(`outbox: ${whole(messages)} messages in ${seconds.toFixed(1)} s, ${whole(rate)}/s (${batches} batches).`);
  return {
    section: "outbox",
    measure: "Outbox delivery to a local SMTP server (the worker process, 4 pooled connections)",
    result: `${whole(rate)} messages/s (${whole(messages)} in ${seconds.toFixed(1)} s)`,
    value: rate,
    staticRate: ctx.staticMax,
    ratio: ctx.staticMax ? rate / ctx.staticMax : undefined,
    memory: megabytes(peakRss) && `${megabytes(peakRss)} (worker)`,
    goal: `≥ ${GOAL_PER_SECOND}/s`,
    met: problems.length === 0 && rate >= GOAL_PER_SECOND,
    problems,
    notes: [
      `the SMTP server waits ${Math.round(greeting)} ms before greeting each connection (smtp-server's check for clients ` +
        "that talk too soon); the worker keeps 4 connections open and sends up to 100 messages on each, so that wait is paid " +
        "once per connection, not once per message",
    ],
    details: { messages, ...queued, seconds, batches, received, distinctMessageIds: distinct, greetingMs: greeting },
  };
}
