// The mail outbox. A request never sends e-mail: it writes an outbox row in the
// same transaction as the change the e-mail reports, so the two commit or roll
// back together, and a worker delivers the row later with retries. Delivery is
// at least once; a duplicate after a crash carries the same Message-ID, so mail
// clients and relays can recognise it.
import { Prisma, type OutboxMessage, type OutboxStatus } from "~/generated/prisma/client.ts";
import type { Db } from "~/utils/db.server.ts";

/** Attempts after which a message is given up on and left for an administrator. */
export const MAX_ATTEMPTS = 8;

const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 60 * 60_000;
const SUBJECT_MAX_CHARS = 200;

export type MailAttachment = { filename: string; contentType: string; content: Buffer };

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
  /** Set when the same message must never be queued twice (a retried request, say). */
  idempotencyKey?: string;
  /** Not to be sent before this time: a reminder, say. */
  notBefore?: Date;
};

/** What an outbox row stores for an attachment. */
export type StoredAttachment = { filename: string; contentType: string; content: string };

export type QueuedMail = { id: string; created: boolean };

/** A recipient or subject that could add or alter headers of the message. */
export class MailHeaderError extends Error {
  override name = "MailHeaderError";
}

// Deliberately narrower than RFC 5321: the addresses the portal mails are
// organisation and personal mailboxes, and a plain dot-atom leaves nothing for
// an address parser to reinterpret (no display names, comments, quotes or lists).
const LOCAL_PART = /^[A-Za-z0-9_%+'-]+(?:\.[A-Za-z0-9_%+'-]+)*$/;
const DOMAIN = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
// Mail readers decode anything shaped like an RFC 2047 encoded word, so such
// text would reach the recipient as something other than what was written.
const ENCODED_WORD = /=\?[^?\s]*\?[bq]\?[^?\s]*\?=/i;
const LONE_SURROGATE = /\p{Cs}/u;

export function assertPlainAddress(address: string) {
  const at = address.lastIndexOf("@");
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (at < 1 || address.length > 254 || local.length > 64 || !LOCAL_PART.test(local) || !DOMAIN.test(domain)) {
    throw new MailHeaderError("The recipient must be one plain e-mail address.");
  }
}

/**
 * The subject as it will be stored and sent. Runs of spaces and tabs become one
 * space and the ends are trimmed, because folding and unfolding on the way
 * would otherwise change them; long subjects are cut at 200 characters.
 */
export function normaliseSubject(subject: string) {
  if (/[\r\n\0]/.test(subject)) throw new MailHeaderError("The subject must be a single line.");
  if (LONE_SURROGATE.test(subject)) throw new MailHeaderError("The subject is not well-formed text.");
  const cut = Array.from(subject.replace(/[ \t]+/g, " ").trim())
    .slice(0, SUBJECT_MAX_CHARS)
    .join("")
    .trimEnd();
  if (!cut) throw new MailHeaderError("The subject is empty.");
  if (ENCODED_WORD.test(cut)) throw new MailHeaderError("The subject contains an encoded word.");
  return cut;
}

function assertHeaderParameter(value: string, what: string) {
  if (!value || /[\r\n\0]/.test(value)) throw new MailHeaderError(`The attachment ${what} must be a single line.`);
}

/**
 * Queues a message. Pass the transaction client of the change the message
 * reports. With an idempotency key that is already queued, nothing is added and
 * the existing row's id is returned.
 */
/**
 * A message checked as queueMail checks it, as SQL values for an INSERT into
 * outbox_message (id, idempotency_key, to_address, subject, text_body, html_body),
 * for callers that write their change and its mail in a single statement.
 */
export function outboxRowSql(message: Omit<MailMessage, "attachments">) {
  assertPlainAddress(message.to);
  const subject = normaliseSubject(message.subject);
  return Prisma.sql`(gen_random_uuid(), ${message.idempotencyKey ?? null}, ${message.to}, ${subject}, ${message.text}, ${message.html ?? null})`;
}

export async function queueMail(
  tx: Pick<Prisma.TransactionClient, "outboxMessage">,
  message: MailMessage,
): Promise<QueuedMail> {
  assertPlainAddress(message.to);
  const subject = normaliseSubject(message.subject);
  const attachments = message.attachments?.map((attachment): StoredAttachment => {
    assertHeaderParameter(attachment.filename, "file name");
    assertHeaderParameter(attachment.contentType, "content type");
    return {
      filename: attachment.filename,
      contentType: attachment.contentType,
      content: attachment.content.toString("base64"),
    };
  });
  const data = {
    toAddress: message.to,
    subject,
    textBody: message.text,
    htmlBody: message.html,
    attachments: attachments?.length ? attachments : undefined,
    nextAttemptAt: message.notBefore,
  } satisfies Prisma.OutboxMessageCreateInput;

  if (message.idempotencyKey === undefined) {
    const row = await tx.outboxMessage.create({ data, select: { id: true } });
    return { id: row.id, created: true };
  }
  // ON CONFLICT DO NOTHING: a unique violation would abort the caller's whole
  // transaction, and a concurrent duplicate waits for the first to commit.
  const [row] = await tx.outboxMessage.createManyAndReturn({
    data: [{ ...data, idempotencyKey: message.idempotencyKey }],
    skipDuplicates: true,
    select: { id: true },
  });
  if (row) return { id: row.id, created: true };
  const existing = await tx.outboxMessage.findUniqueOrThrow({
    where: { idempotencyKey: message.idempotencyKey },
    select: { id: true },
  });
  return { id: existing.id, created: false };
}

/**
 * Withdraws queued messages not yet sent whose idempotency keys start with the
 * prefix: a reminder for a meeting that has moved or been cancelled, say.
 */
export async function withdrawPendingMail(tx: Pick<Prisma.TransactionClient, "outboxMessage">, keyPrefix: string) {
  if (!keyPrefix.endsWith(":")) throw new Error("The prefix must end with a colon.");
  const withdrawn = await tx.outboxMessage.deleteMany({ where: { idempotencyKey: { startsWith: keyPrefix }, status: "PENDING", attempts: 0, lockedUntil: null } });
  return withdrawn.count;
}

/** The Message-ID of a row: the same on every delivery attempt of that row. */
export function stableMessageId(id: string, domain: string) {
  return `<outbox.${id}@${domain}>`;
}

/** A claimed row; the lease is always set while a worker holds it. */
export type ClaimedMessage = OutboxMessage & { lockedUntil: Date };

type OutboxRow = {
  id: string;
  idempotency_key: string | null;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  attachments: Prisma.JsonValue;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: Date;
  locked_until: Date;
  last_error: string | null;
  sent_at: Date | null;
  created_at: Date;
};

// Timestamps are stored as UTC without a zone, so bind them as UTC explicitly
// rather than depend on the session's TimeZone setting.
function utc(date: Date) {
  return Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}

/**
 * Takes up to `limit` due messages for this worker until `now + leaseMs`.
 * SKIP LOCKED lets workers on any number of instances claim at the same time
 * without waiting for, or taking, each other's rows; a worker that dies leaves
 * its rows to be claimed again when the lease runs out. Each claim counts as an
 * attempt, so a claim that never ends in markSent or markFailed still uses one.
 */
export async function claimBatch(
  db: Pick<Db, "$queryRaw">,
  { limit, leaseMs, now = new Date() }: { limit: number; leaseMs: number; now?: Date },
): Promise<ClaimedMessage[]> {
  const rows = await db.$queryRaw<OutboxRow[]>`
    UPDATE outbox_message
    SET locked_until = ${utc(new Date(now.getTime() + leaseMs))}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM outbox_message
      WHERE status = 'PENDING'
        AND next_attempt_at <= ${utc(now)}
        AND (locked_until IS NULL OR locked_until < ${utc(now)})
      ORDER BY next_attempt_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING *`;
  return rows.map(fromRow).sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime());
}

function fromRow(row: OutboxRow): ClaimedMessage {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    toAddress: row.to_address,
    subject: row.subject,
    textBody: row.text_body,
    htmlBody: row.html_body,
    attachments: row.attachments,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: new Date(row.next_attempt_at),
    lockedUntil: new Date(row.locked_until),
    lastError: row.last_error,
    sentAt: row.sent_at && new Date(row.sent_at),
    createdAt: new Date(row.created_at),
  };
}

/**
 * Records a delivery. Also applies when the row's lease had run out and another
 * worker holds or gave up on it meanwhile: the message did go out.
 */
/**
 * Once delivered, a message's content is no longer kept: letters and notices
 * live in the recipient's mailbox, not in the portal's database. The row stays
 * as a record that a message went, and when.
 */
export async function markSent(db: Pick<Db, "outboxMessage">, id: string, now = new Date()) {
  await db.outboxMessage.updateMany({
    where: { id, status: { not: "SENT" } },
    data: { status: "SENT", sentAt: now, lockedUntil: null, textBody: "", htmlBody: null, attachments: Prisma.DbNull },
  });
}

/** The wait before the next attempt: 30 s doubling each time, at most an hour, plus up to 10 %. */
export function retryDelayMs(attempts: number, random: () => number = Math.random) {
  const base = FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1);
  return Math.min(Math.round(base * (1 + 0.1 * random())), LONGEST_RETRY_MS);
}

/**
 * Records a failed attempt: schedules a retry, or gives up after MAX_ATTEMPTS.
 * `attempts` is the claimed row's count; if the row has been claimed again since
 * (this worker's lease ran out), the newer claim owns it and nothing changes.
 */
export async function markFailed(
  db: Pick<Db, "outboxMessage">,
  id: string,
  error: unknown,
  attempts: number,
  now = new Date(),
): Promise<"RETRY" | "DEAD" | "STALE"> {
  const dead = attempts >= MAX_ATTEMPTS;
  const { count } = await db.outboxMessage.updateMany({
    where: { id, status: "PENDING", attempts },
    data: {
      status: dead ? "DEAD" : "PENDING",
      nextAttemptAt: dead ? undefined : new Date(now.getTime() + retryDelayMs(attempts)),
      lockedUntil: null,
      lastError: describeMailError(error),
    },
  });
  if (count === 0) return "STALE";
  return dead ? "DEAD" : "RETRY";
}

const ADDRESS_LIKE = /[^\s<>"'(),;:[\]]*@[^\s<>"'(),;:[\]]*/g;

/**
 * An error as it may be stored or logged: the code, the SMTP reply code and a
 * short message with anything that looks like an address removed. Relays echo
 * recipients in their replies, and the outbox must not become a second copy of
 * who was written to.
 */
export function describeMailError(error: unknown) {
  const fields = (typeof error === "object" && error !== null ? error : {}) as Record<string, unknown>;
  const code = typeof fields.code === "string" && /^[A-Za-z0-9_.-]{1,40}$/.test(fields.code) ? fields.code : undefined;
  const responseCode = typeof fields.responseCode === "number" ? String(fields.responseCode) : undefined;
  const message = error instanceof Error ? error.message : "Unknown error";
  const cleaned = message
    .replace(ADDRESS_LIKE, "[address]")
    .replace(/\p{Cc}+/gu, " ")
    .trim()
    .slice(0, 160);
  return [[code, responseCode].filter(Boolean).join(" "), cleaned].filter(Boolean).join(": ");
}
