// Administration of reference data that routing depends on: recognised ISVA
// services and the Areas' RASSO unit mailboxes. Every change is audited.
import { audit } from "~/features/audit/audit.server.ts";
import { clearAreaCache } from "~/features/queries/queries.server.ts";
import type { User } from "~/generated/prisma/client.ts";
import type { Db } from "~/utils/db.server.ts";

export function listUsers(db: Db) {
  return db.user.findMany({
    orderBy: [{ status: "asc" }, { name: "asc" }],
    select: { id: true, name: true, email: true, roles: true, status: true, areaId: true, organisation: true },
  });
}

export async function addRecognisedDomain(db: Db, admin: User, domain: string, organisation: string) {
  await db.$transaction(async (tx) => {
    await tx.recognisedDomain.upsert({ where: { domain }, create: { domain, organisation }, update: { organisation } });
    await audit(tx, { actorId: admin.id, action: "admin.domain_added", targetType: "recognised_domain", targetId: domain });
  });
}

export async function removeRecognisedDomain(db: Db, admin: User, domain: string) {
  await db.$transaction(async (tx) => {
    await tx.recognisedDomain.deleteMany({ where: { domain } });
    await audit(tx, { actorId: admin.id, action: "admin.domain_removed", targetType: "recognised_domain", targetId: domain });
  });
}

export type AreaSettings = {
  rassoMailbox: string;
  responseDays: number;
  fullContentEmail: boolean;
  letterAddressEn: string;
  letterAddressCy: string;
  letterPhone: string;
};

export function listAreas(db: Db) {
  return db.area.findMany({
    orderBy: { nameEn: "asc" },
    select: { id: true, nameEn: true, nameCy: true, rassoMailbox: true, responseDays: true, letterAddressEn: true, letterPhone: true },
  });
}

/**
 * An Area's mailbox, query settings and the address and phone number its
 * letters print. Full-content e-mail is only for mailboxes on a secure
 * government network.
 */
export async function setAreaSettings(db: Db, admin: User, areaId: string, settings: AreaSettings) {
  return db.$transaction(async (tx) => {
    const area = await tx.area.findUnique({ where: { id: areaId } });
    if (!area) return null;
    const updated = await tx.area.update({ where: { id: areaId }, data: settings });
    clearAreaCache(db);
    const changed = (Object.keys(settings) as (keyof AreaSettings)[]).filter((key) => area[key] !== settings[key]);
    for (const field of changed) {
      await audit(tx, { actorId: admin.id, action: "admin.area_changed", targetType: "area", targetId: areaId, areaId, detail: { field, from: area[field], to: settings[field] } });
    }
    return updated;
  });
}
