// What Area staff do to a query besides replying: assign it, change its status,
// keep internal notes, and pass it to the Area it belongs to. Each change and
// its timeline row (query_event) are written in one transaction. Notes and
// transfer reasons are encrypted at rest and are read only on staff pages.
import { audit, type AuditAction } from "~/features/audit/audit.server.ts";
import { fieldCipher } from "~/features/crypto/cipher.server.ts";
import { formatDate } from "~/features/dates/format.ts";
import { mailLanguage, mailLink, renderEmail } from "~/features/mail/emails.server.ts";
import { queueMail } from "~/features/mail/outbox.server.ts";
import type { Prisma, QueryEventKind, QueryStatus, User } from "~/generated/prisma/client.ts";
import { poolOf, type Db } from "~/utils/db.server.ts";
import { aad, lockInArea } from "./queries.server.ts";

export type QueryEventDetail = { assigneeId?: string | null; status?: QueryStatus; from?: QueryStatus; fromAreaId?: string; toAreaId?: string };

type Tx = Prisma.TransactionClient;
type Change = { kind: QueryEventKind; action: AuditAction; detail?: QueryEventDetail; text?: string; auditDetail?: Prisma.InputJsonValue };

/**
 * Runs a change to a query of `staff`'s Area in one transaction, with the
 * query's row locked for that Area (lockInArea): null when it is not, or no
 * longer, theirs. `work` returns what the change records, or null for nothing
 * to record; its timeline row and audit entry are written with it.
 */
async function changeInArea<T>(db: Db, staff: User, reference: string, work: (tx: Tx, queryId: string, areaId: string) => Promise<{ result: T; record: Change | null } | null>) {
  const areaId = staff.areaId;
  if (!areaId) return null;
  return db.$transaction(async (tx) => {
    const queryId = await lockInArea(tx, reference, areaId);
    if (!queryId) return null;
    const done = await work(tx, queryId, areaId);
    if (!done) return null;
    const change = done.record;
    if (change) {
      const text = change.text === undefined ? undefined : fieldCipher().encrypt(change.text, aad(queryId));
      await tx.queryEvent.create({ data: { queryId, actorId: staff.id, kind: change.kind, detail: change.detail, text } });
      await audit(tx, { actorId: staff.id, action: change.action, targetType: "query", targetId: queryId, areaId, detail: change.auditDetail });
    }
    return done.result;
  });
}

export function assignQuery(db: Db, staff: User, reference: string, assigneeId: string | null) {
  return changeInArea(db, staff, reference, async (tx, queryId, areaId) => {
    if (assigneeId && !(await tx.user.findFirst({ where: { id: assigneeId, areaId, status: "ACTIVE" }, select: { id: true } }))) return null;
    const query = await tx.isvaQuery.findUniqueOrThrow({ where: { id: queryId }, select: { assigneeId: true } });
    if (query.assigneeId === assigneeId) return { result: true, record: null };
    await tx.isvaQuery.update({ where: { id: queryId }, data: { assigneeId } });
    return { result: true, record: { kind: "ASSIGNED", action: "query.assigned", detail: { assigneeId } } };
  });
}

export function setQueryStatus(db: Db, staff: User, reference: string, status: QueryStatus) {
  return changeInArea(db, staff, reference, async (tx, queryId) => {
    const query = await tx.isvaQuery.findUniqueOrThrow({ where: { id: queryId }, select: { status: true } });
    if (query.status === status) return { result: true, record: null };
    await tx.isvaQuery.update({ where: { id: queryId }, data: { status, closedAt: status === "CLOSED" ? new Date() : null } });
    return { result: true, record: { kind: "STATUS_CHANGED", action: "query.status_changed", detail: { status, from: query.status }, auditDetail: { status } } };
  });
}

/** An internal note on a query: the staff of the Area that has it read it; the ISVA never does. */
export function addQueryNote(db: Db, staff: User, reference: string, note: string) {
  return changeInArea(db, staff, reference, async () => ({ result: true, record: { kind: "NOTE", action: "query.noted", text: note } }));
}

/**
 * Passes a query to the Area it belongs to. The old Area loses it at once (every
 * staff read and change is scoped by Area); the new Area's mailbox and the ISVA
 * are e-mailed through the outbox, without case details. The due date does not
 * move: the ISVA's wait began when they sent it (docs/decisions/012-query-transfers.md).
 */
export function transferQuery(db: Db, staff: User, reference: string, toAreaId: string, reason: string, origin: string) {
  if (toAreaId === staff.areaId) return Promise.resolve(null);
  return changeInArea(db, staff, reference, async (tx, queryId, fromAreaId) => {
    const [from, to] = await Promise.all([tx.area.findUnique({ where: { id: fromAreaId } }), tx.area.findUnique({ where: { id: toAreaId } })]);
    if (!from || !to) return null;
    const query = await tx.isvaQuery.findUniqueOrThrow({ where: { id: queryId }, include: { isva: { select: { email: true, language: true } } } });
    // The new Area starts with it waiting for them, unassigned.
    await tx.isvaQuery.update({ where: { id: queryId }, data: { areaId: toAreaId, assigneeId: null, status: query.firstReplyAt ? "IN_PROGRESS" : "NEW", closedAt: null } });
    const due = query.dueOn.toISOString().slice(0, 10);
    await queueMail(tx, {
      to: to.rassoMailbox,
      ...renderEmail(
        "query-transferred",
        mailLanguage(null, toAreaId),
        { reference, from: from.nameEn, area: to.nameEn, due: formatDate(due, "en"), link: `${origin}/staff/queries/${reference}` },
        { from: from.nameCy, area: to.nameCy, due: formatDate(due, "cy") },
      ),
    });
    await queueMail(tx, {
      to: query.isva.email,
      ...renderEmail(
        "query-moved",
        mailLanguage(query.isva.language, toAreaId),
        { reference, from: from.nameEn, area: to.nameEn, link: mailLink(origin, `/isva/queries/${reference}`, query.isva.language) },
        { from: from.nameCy, area: to.nameCy },
      ),
    });
    const detail = { fromAreaId, toAreaId };
    return { result: { reference, toAreaId }, record: { kind: "TRANSFERRED", action: "query.transferred", detail, text: reason, auditDetail: detail } };
  });
}

export type QueryEventRow = {
  kind: QueryEventKind;
  at: Date;
  actor: string;
  detail: QueryEventDetail;
  assignee: string | null;
  text: string | null;
};

/**
 * A query's timeline rows as one JSON array, oldest first, with who made each
 * change and whom an assignment named: an SQL expression for the query whose
 * id is `queryId` (itself SQL). Shared by queryEvents and the staff page's one
 * statement, so there is one way to read a timeline.
 */
export const eventsJsonSql = (queryId: string) => `(
  SELECT coalesce(json_agg(json_build_object(
           'kind', e.kind, 'at', e.created_at AT TIME ZONE 'UTC', 'actor', ac.name, 'detail', e.detail, 'assignee', an.name, 'text', e.text
         ) ORDER BY e.created_at, e.id), '[]'::json)
  FROM query_event e JOIN app_user ac ON ac.id = e.actor_id LEFT JOIN app_user an ON an.id::text = e.detail->>'assigneeId'
  WHERE e.query_id = ${queryId})`;

export type EventJson = { kind: QueryEventKind; at: string; actor: string; detail: QueryEventDetail | null; assignee: string | null; text: string | null };

/** The rows of eventsJsonSql, with notes and reasons decrypted: for staff pages only, after their guards. */
export function eventRows(events: EventJson[], queryId: string): QueryEventRow[] {
  return events.map((event) => {
    const detail = event.detail ?? {};
    return {
      kind: event.kind,
      at: new Date(event.at),
      actor: event.actor,
      detail,
      assignee: detail.assigneeId ? event.assignee : null,
      text: event.text ? fieldCipher().decrypt(event.text, aad(queryId)) : null,
    };
  });
}

/** A query's timeline rows, oldest first, with notes and reasons decrypted: for staff pages only, after their guards. */
export async function queryEvents(db: Db, queryId: string): Promise<QueryEventRow[]> {
  const { rows } = await poolOf(db).query<{ events: EventJson[] }>(`SELECT ${eventsJsonSql("$1::uuid")} AS events`, [queryId]);
  return eventRows(rows[0]!.events, queryId);
}

/** Whether `staff`'s Area has just passed `reference` on, and to whom: for the inbox's confirmation. */
export async function transferredFrom(db: Db, staff: User, reference: string) {
  if (!staff.areaId) return null;
  const event = await db.queryEvent.findFirst({
    where: {
      kind: "TRANSFERRED",
      actorId: staff.id,
      query: { reference },
      detail: { path: ["fromAreaId"], equals: staff.areaId },
    },
    orderBy: { createdAt: "desc" },
    select: { detail: true },
  });
  const toAreaId = (event?.detail as QueryEventDetail | undefined)?.toAreaId;
  return toAreaId
    ? db.area.findUnique({
        where: { id: toAreaId },
        select: { nameEn: true, nameCy: true },
      })
    : null;
}
