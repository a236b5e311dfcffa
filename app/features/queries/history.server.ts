// What Area staff do to a query besides replying: assign it, change its status,
// keep internal notes, and pass it to the Area it belongs to. Each change and
// its timeline row (query_event) are written in one transaction. Notes and
// transfer reasons are encrypted at rest and are read only on staff pages.
import { audit } from "~/features/audit/audit.server.ts";
import { fieldCipher } from "~/features/crypto/cipher.server.ts";
import { formatDate } from "~/features/dates/format.ts";
import { mailLanguage, mailLink, renderEmail } from "~/features/mail/emails.server.ts";
import { queueMail } from "~/features/mail/outbox.server.ts";
import type {
  QueryEventKind,
  QueryStatus,
  User,
} from "~/generated/prisma/client.ts";
import type { Db } from "~/utils/db.server.ts";
import { aad, lockInArea } from "./queries.server.ts";

export type QueryEventDetail = {
  assigneeId?: string | null;
  status?: QueryStatus;
  from?: QueryStatus;
  fromAreaId?: string;
  toAreaId?: string;
};

export async function assignQuery(
  db: Db,
  staff: User,
  reference: string,
  assigneeId: string | null
) {
  const areaId = staff.areaId;
  if (!areaId) return null;
  return db.$transaction(async (tx) => {
    if (
      assigneeId &&
      !(await tx.user.findFirst({
        where: { id: assigneeId, areaId, status: "ACTIVE" },
        select: { id: true },
      }))
    )
      return null;
    if (!(await lockInArea(tx, reference, areaId))) return null;
    const query = await tx.isvaQuery.findFirst({
      where: { reference, areaId },
      select: { id: true, assigneeId: true },
    });
    if (!query) return null;
    if (query.assigneeId === assigneeId) return true;
    const updated = await tx.isvaQuery.updateMany({
      where: { id: query.id, areaId },
      data: { assigneeId },
    });
    if (updated.count !== 1) return null;
    await tx.queryEvent.create({
      data: {
        queryId: query.id,
        actorId: staff.id,
        kind: "ASSIGNED",
        detail: { assigneeId },
      },
    });
    await audit(tx, {
      actorId: staff.id,
      action: "query.assigned",
      targetType: "query",
      targetId: query.id,
      areaId,
    });
    return true;
  });
}

export async function setQueryStatus(
  db: Db,
  staff: User,
  reference: string,
  status: QueryStatus
) {
  const areaId = staff.areaId;
  if (!areaId) return null;
  return db.$transaction(async (tx) => {
    if (!(await lockInArea(tx, reference, areaId))) return null;
    const query = await tx.isvaQuery.findFirst({
      where: { reference, areaId },
      select: { id: true, status: true },
    });
    if (!query) return null;
    if (query.status === status) return true;
    const updated = await tx.isvaQuery.updateMany({
      where: { id: query.id, areaId },
      data: { status, closedAt: status === "CLOSED" ? new Date() : null },
    });
    if (updated.count !== 1) return null;
    await tx.queryEvent.create({
      data: {
        queryId: query.id,
        actorId: staff.id,
        kind: "STATUS_CHANGED",
        detail: { status, from: query.status },
      },
    });
    await audit(tx, {
      actorId: staff.id,
      action: "query.status_changed",
      targetType: "query",
      targetId: query.id,
      areaId,
      detail: { status },
    });
    return true;
  });
}

/** An internal note on a query: its Area's staff read it; the ISVA never does. */
export async function addQueryNote(
  db: Db,
  staff: User,
  reference: string,
  note: string
) {
  const areaId = staff.areaId;
  if (!areaId) return null;
  return db.$transaction(async (tx) => {
    if (!(await lockInArea(tx, reference, areaId))) return null;
    const query = await tx.isvaQuery.findFirst({
      where: { reference, areaId },
      select: { id: true },
    });
    if (!query) return null;
    await tx.queryEvent.create({
      data: {
        queryId: query.id,
        actorId: staff.id,
        kind: "NOTE",
        text: fieldCipher().encrypt(note, aad(query.id)),
      },
    });
    await audit(tx, {
      actorId: staff.id,
      action: "query.noted",
      targetType: "query",
      targetId: query.id,
      areaId,
    });
    return true;
  });
}

/**
 * Passes a query to the Area it belongs to. The old Area loses it at once (every
 * staff read and change is scoped by Area); the new Area's mailbox and the ISVA
 * are e-mailed through the outbox, without case details. The due date does not
 * move: the ISVA's wait began when they sent it (docs/decisions/012-query-transfers.md).
 */
export async function transferQuery(
  db: Db,
  staff: User,
  reference: string,
  toAreaId: string,
  reason: string,
  origin: string
) {
  const fromAreaId = staff.areaId;
  if (!fromAreaId || toAreaId === fromAreaId) return null;
  return db.$transaction(async (tx) => {
    const [from, to] = await Promise.all([
      tx.area.findUnique({ where: { id: fromAreaId } }),
      tx.area.findUnique({ where: { id: toAreaId } }),
    ]);
    if (!from || !to) return null;
    if (!(await lockInArea(tx, reference, fromAreaId))) return null;
    const query = await tx.isvaQuery.findFirst({
      where: { reference, areaId: fromAreaId },
      include: { isva: { select: { email: true, language: true } } },
    });
    if (!query) return null;
    const updated = await tx.isvaQuery.updateMany({
      where: { id: query.id, areaId: fromAreaId },
      // The new Area starts with it waiting for them, unassigned.
      data: {
        areaId: toAreaId,
        assigneeId: null,
        status: query.firstReplyAt ? "IN_PROGRESS" : "NEW",
        closedAt: null,
      },
    });
    if (updated.count !== 1) return null;
    const detail = { fromAreaId, toAreaId };
    await tx.queryEvent.create({
      data: {
        queryId: query.id,
        actorId: staff.id,
        kind: "TRANSFERRED",
        detail,
        text: fieldCipher().encrypt(reason, aad(query.id)),
      },
    });
    const due = query.dueOn.toISOString().slice(0, 10);
    await queueMail(tx, {
      to: to.rassoMailbox,
      ...renderEmail(
        "query-transferred",
        mailLanguage(null, toAreaId),
        {
          reference,
          from: from.nameEn,
          area: to.nameEn,
          due: formatDate(due, "en"),
          link: `${origin}/staff/queries/${reference}`,
        },
        { from: from.nameCy, area: to.nameCy, due: formatDate(due, "cy") }
      ),
    });
    await queueMail(tx, {
      to: query.isva.email,
      ...renderEmail(
        "query-moved",
        mailLanguage(query.isva.language, toAreaId),
        {
          reference,
          from: from.nameEn,
          area: to.nameEn,
          link: mailLink(origin, `/isva/queries/${reference}`, query.isva.language),
        },
        { from: from.nameCy, area: to.nameCy }
      ),
    });
    await audit(tx, {
      actorId: staff.id,
      action: "query.transferred",
      targetType: "query",
      targetId: query.id,
      areaId: fromAreaId,
      detail,
    });
    return { reference, toAreaId };
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

/** A query's timeline rows, oldest first, with notes and reasons decrypted: for staff pages only, after their guards. */
export async function queryEvents(
  db: Db,
  queryId: string
): Promise<QueryEventRow[]> {
  const rows = await db.queryEvent.findMany({
    where: { queryId },
    orderBy: { createdAt: "asc" },
    include: { actor: { select: { name: true } } },
  });
  const assigneeIds = [
    ...new Set(
      rows
        .map((row) => (row.detail as QueryEventDetail | null)?.assigneeId)
        .filter((id): id is string => !!id)
    ),
  ];
  const names = new Map(
    assigneeIds.length
      ? (
          await db.user.findMany({
            where: { id: { in: assigneeIds } },
            select: { id: true, name: true },
          })
        ).map((u) => [u.id, u.name])
      : []
  );
  return rows.map((row) => {
    const detail = (row.detail ?? {}) as QueryEventDetail;
    return {
      kind: row.kind,
      at: row.createdAt,
      actor: row.actor.name,
      detail,
      assignee: detail.assigneeId ? names.get(detail.assigneeId) ?? null : null,
      text: row.text ? fieldCipher().decrypt(row.text, aad(queryId)) : null,
    };
  });
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
