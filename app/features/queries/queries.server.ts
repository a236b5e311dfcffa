// ISVA queries: sent by an ISVA, routed to one Area's RASSO unit, answered
// there and tracked to a close. The query and its outbox e-mails are written in
// one transaction. Message text is encrypted at rest and only decrypted after
// the caller's guards have passed.
import crypto from "node:crypto";
import { audit } from "~/features/audit/audit.server.ts";
import { fieldCipher } from "~/features/crypto/cipher.server.ts";
import { addWorkingDays, todayInLondon } from "~/features/dates/dates.ts";
import { mailLanguage, mailLink, renderEmail } from "~/features/mail/emails.server.ts";
import { outboxRowSql, queueMail } from "~/features/mail/outbox.server.ts";
import { Prisma, type User } from "~/generated/prisma/client.ts";
import { poolOf, type Db } from "~/utils/db.server.ts";
import { newQueryReference } from "./reference.ts";
import type { Category, QueryInput } from "./schema.ts";

type CategoryNames = { en: Record<Category, string>; cy: Record<Category, string> };

export type RoutedQuery = {
  areaId: string;
  forceId: string;
  boroughId?: string;
  urn?: string;
  reason: Prisma.InputJsonValue;
};

/** The additional data that binds a query's encrypted text to that query. */
export const aad = (queryId: string) => `query:${queryId}`;

// An Area's mailbox and settings change rarely (an administrator's edit); a
// minute's cache spares a query on every submission.
const AREA_CACHE_MS = 60_000;
const areaCache = new WeakMap<Db, Map<string, { at: number; area: Awaited<ReturnType<Db["area"]["findUniqueOrThrow"]>> }>>();

async function cachedArea(db: Db, id: string, now = Date.now()) {
  let byId = areaCache.get(db);
  if (!byId) areaCache.set(db, (byId = new Map()));
  const hit = byId.get(id);
  if (hit && now - hit.at < AREA_CACHE_MS) return hit.area;
  const area = await db.area.findUniqueOrThrow({ where: { id } });
  byId.set(id, { at: now, area });
  return area;
}

/** Forgets cached Areas, after an administrator changes one. */
export function clearAreaCache(db: Db) {
  areaCache.delete(db);
}

/** Stores a query with its first message and queues the two e-mails; returns its reference. */
export async function submitQuery(
  db: Db,
  isva: User,
  input: QueryInput,
  routed: RoutedQuery,
  { origin, categories }: { origin: string; categories: CategoryNames },
) {
  const area = await cachedArea(db, routed.areaId);
  const dueOn = addWorkingDays(todayInLondon(), area.responseDays);
  for (let attempt = 0; ; attempt++) {
    const id = crypto.randomUUID();
    const reference = newQueryReference();
    const staffLink = `${origin}/staff/queries/${reference}`;
    const values = { reference, category: categories.en[input.category], area: area.nameEn, link: staffLink };
    const welsh = { category: categories.cy[input.category], area: area.nameCy };
    // Case content goes by e-mail only where the Area's mailbox is on a secure network.
    const toArea = outboxRowSql({
      to: area.rassoMailbox,
      idempotencyKey: `query-received:${id}`,
      ...(area.fullContentEmail
        ? renderEmail("query-received-full", mailLanguage(null, area.id), { ...values, urn: routed.urn ?? "–", question: input.question }, welsh)
        : renderEmail("query-received", mailLanguage(null, area.id), values, welsh)),
    });
    const toIsva = outboxRowSql({
      to: isva.email,
      idempotencyKey: `query-acknowledged:${id}`,
      ...renderEmail("query-acknowledged", mailLanguage(isva.language, area.id), { reference, area: area.nameEn, link: mailLink(origin, `/isva/queries/${reference}`, isva.language) }, { area: area.nameCy }),
    });
    const body = fieldCipher().encrypt(input.question, aad(id));
    try {
      // One statement: the query, its first message, both e-mails and the audit
      // event are stored together or not at all, in one round trip. It runs on
      // the pool directly: Prisma would only pass it through.
      const statement = Prisma.sql`
        WITH q AS (
          INSERT INTO isva_query (id, reference, urn, force_id, borough_id, area_id, routing_reason, category, isva_id, organisation, due_on, updated_at)
          VALUES (${id}::uuid, ${reference}, ${routed.urn ?? null}, ${routed.forceId}, ${routed.boroughId ?? null}, ${area.id},
                  ${JSON.stringify(routed.reason)}::jsonb, ${input.category}::"QueryCategory", ${isva.id}::uuid, ${isva.organisation ?? ""},
                  ${dueOn}::date, now())
          RETURNING id, area_id
        ), m AS (
          INSERT INTO query_message (id, query_id, author_id, from_staff, body)
          SELECT gen_random_uuid(), q.id, ${isva.id}::uuid, false, ${body} FROM q
        ), o AS (
          INSERT INTO outbox_message (id, idempotency_key, to_address, subject, text_body, html_body)
          SELECT v.* FROM q, (VALUES ${toArea}, ${toIsva}) AS v(id, idempotency_key, to_address, subject, text_body, html_body)
        )
        INSERT INTO audit_event (actor_id, action, target_type, target_id, area_id)
        SELECT ${isva.id}::uuid, 'query.sent', 'query', q.id::text, q.area_id FROM q`;
      await poolOf(db).query(statement.text, statement.values);
      return { reference, areaId: area.id };
    } catch (error) {
      // A clash of references is vanishingly rare; try a new one.
      if (attempt < 3 && /isva_query_reference_key|23505/.test(String((error as Error).message))) continue;
      throw error;
    }
  }
}

const listSelect = {
  id: true,
  reference: true,
  category: true,
  status: true,
  dueOn: true,
  createdAt: true,
  areaId: true,
  assignee: { select: { name: true } },
} as const;

/** An ISVA's own queries. */
/** An ISVA's queries, newest first, each with when it was last answered and last opened by them. */
export async function listIsvaQueries(db: Db, isva: User) {
  const rows = await db.isvaQuery.findMany({
    where: { isvaId: isva.id },
    orderBy: { createdAt: "desc" },
    select: { ...listSelect, isvaReadAt: true, messages: { where: { fromStaff: true }, orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } } },
    take: 500,
  });
  return rows.map(({ messages, ...row }) => ({ ...row, lastReplyAt: messages[0]?.createdAt ?? null }));
}

/** The ISVA has opened their query: its replies so far are read. */
export async function markReadByIsva(db: Db, isva: User, queryId: string, now = new Date()) {
  await db.isvaQuery.updateMany({ where: { id: queryId, isvaId: isva.id }, data: { isvaReadAt: now } });
}

async function loadThread(db: Db, where: Prisma.IsvaQueryWhereInput) {
  const query = await db.isvaQuery.findFirst({
    where,
    include: {
      area: { select: { nameEn: true, nameCy: true } },
      assignee: { select: { id: true, name: true } },
      isva: { select: { name: true, email: true, organisation: true } },
      messages: { orderBy: { createdAt: "asc" }, include: { author: { select: { name: true } } } },
    },
  });
  if (!query) return null;
  return {
    ...query,
    messages: query.messages.map((message) => ({
      id: message.id,
      fromStaff: message.fromStaff,
      author: message.author.name,
      createdAt: message.createdAt,
      body: fieldCipher().decrypt(message.body, aad(query.id)),
    })),
  };
}

/**
 * Locks a query of `areaId` for the rest of the transaction and returns its id,
 * or null when it is not (or, after a transfer that committed first, no longer)
 * in that Area. Every staff change takes this lock first, so a reply, a note or
 * an assignment never lands on a query another Area has just been given.
 */
export async function lockInArea(tx: Prisma.TransactionClient, reference: string, areaId: string): Promise<string | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id::text AS id FROM isva_query WHERE reference = ${reference} AND area_id = ${areaId} FOR UPDATE`;
  return rows[0]?.id ?? null;
}

/** Whether a query is in `staff`'s Area: checked before a form is read, so another Area's query is a 404 whatever was posted. */
export async function isInStaffArea(db: Db, staff: User, reference: string) {
  return Boolean(staff.areaId && (await db.isvaQuery.findFirst({ where: { reference, areaId: staff.areaId }, select: { id: true } })));
}

/** A query for the ISVA who sent it; null (a 404) for anyone else. */
export function isvaQuery(db: Db, isva: User, reference: string) {
  return loadThread(db, { reference, isvaId: isva.id });
}

/** A reply from the Area: the ISVA is told there is one, without its content. */
export async function replyToQuery(db: Db, staff: User, reference: string, body: string, origin: string) {
  if (!staff.areaId) return null;
  return db.$transaction(async (tx) => {
    const id = await lockInArea(tx, reference, staff.areaId!);
    if (!id) return null;
    const query = await tx.isvaQuery.findUniqueOrThrow({ where: { id }, include: { isva: true } });
    const now = new Date();
    await tx.queryMessage.create({ data: { queryId: query.id, authorId: staff.id, fromStaff: true, body: fieldCipher().encrypt(body, aad(query.id)) } });
    await tx.isvaQuery.update({
      where: { id: query.id },
      // A closed query stays closed when its Area adds a last word.
      data: { status: query.status === "CLOSED" ? "CLOSED" : "ANSWERED", firstReplyAt: query.firstReplyAt ?? now, assigneeId: query.assigneeId ?? staff.id },
    });
    const language = query.isva.language;
    await queueMail(tx, { to: query.isva.email, ...renderEmail("query-reply", mailLanguage(language, query.areaId), { reference, link: mailLink(origin, `/isva/queries/${reference}`, language) }) });
    await audit(tx, { actorId: staff.id, action: "query.replied", targetType: "query", targetId: query.id, areaId: query.areaId });
    return query;
  });
}

/** The ISVA adds to the thread: the query is open again for the Area. */
export async function addIsvaMessage(db: Db, isva: User, reference: string, body: string) {
  return db.$transaction(async (tx) => {
    const query = await tx.isvaQuery.findFirst({ where: { reference, isvaId: isva.id } });
    if (!query || query.status === "CLOSED") return null;
    await tx.queryMessage.create({ data: { queryId: query.id, authorId: isva.id, fromStaff: false, body: fieldCipher().encrypt(body, aad(query.id)) } });
    await tx.isvaQuery.update({ where: { id: query.id }, data: { status: "IN_PROGRESS" } });
    await audit(tx, { actorId: isva.id, action: "query.isva_added", targetType: "query", targetId: query.id, areaId: query.areaId });
    return query;
  });
}
