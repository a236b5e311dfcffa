// The audit trail: who did what to which record, and when. Callers pass ids
// and categories only; never names, addresses or the content of a case.
import type { Prisma } from "~/generated/prisma/client.ts";
import type { Db } from "~/utils/db.server.ts";

export type AuditAction =
  | "auth.sign_in"
  | "auth.sign_in_failed"
  | "auth.second_factor_failed"
  | "auth.sign_out"
  | "auth.sign_out_everywhere"
  | "auth.mfa_enabled"
  | "auth.recovery_code_used"
  | "auth.recovery_codes_replaced"
  | "auth.password_set"
  | "auth.password_reset_requested"
  | "auth.email_verified"
  | "user.registered"
  | "user.invited"
  | "user.approved"
  | "user.disabled"
  | "user.enabled"
  | "user.roles_changed"
  | "user.area_changed"
  | "user.language_changed"
  | "admin.domain_added"
  | "admin.domain_removed"
  | "admin.area_changed"
  | "admin.support_service_added"
  | "admin.support_service_changed"
  | "admin.support_service_removed"
  | "case.read"
  | "query.sent"
  | "query.replied"
  | "query.isva_added"
  | "query.assigned"
  | "query.status_changed"
  | "query.noted"
  | "query.transferred"
  | "query.deleted"
  | "snippet.saved"
  | "snippet.deleted"
  | "letter.draft_created"
  | "letter.draft_saved"
  | "letter.submitted"
  | "letter.approved"
  | "letter.baseline_offered"
  | "letter.retired"
  | "letter.rendered"
  | "letter.sent"
  | "meeting.requested"
  | "meeting.booked"
  | "meeting.offered"
  | "meeting.moved"
  | "meeting.cancelled"
  | "meeting.declined"
  | "meeting.outcome"
  | "meeting.chosen"
  | "meeting.noneSuit"
  | "meeting.confirmed"
  | "meeting.rearrange"
  | "slot.published"
  | "slot.withdrawn";

export type AuditEntry = {
  actorId?: string | null;
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  areaId?: string | null;
  detail?: Prisma.InputJsonValue;
};

type AuditWriter = Pick<Db, "auditEvent">;

export async function audit(db: AuditWriter, entry: AuditEntry) {
  await db.auditEvent.create({
    data: {
      actorId: entry.actorId ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      areaId: entry.areaId ?? null,
      detail: entry.detail,
    },
  });
}

export type AuditFilter = { action?: string; actorId?: string; from?: Date; to?: Date; take?: number };

export async function listAudit(db: Db, filter: AuditFilter) {
  return db.auditEvent.findMany({
    where: {
      action: filter.action ? { startsWith: filter.action } : undefined,
      actorId: filter.actorId,
      at: { gte: filter.from, lte: filter.to },
    },
    orderBy: { at: "desc" },
    take: Math.min(filter.take ?? 100, 500),
  });
}
