// The specialist support services the public support page lists. The reviewed
// defaults are loaded on the first start; administrators correct the list in
// the portal, and every change is audited. The public page reads the table on
// each request (it is a few rows), so a correction shows at once on every
// instance.
import { z } from "zod";
import { audit } from "~/features/audit/audit.server.ts";
import type { Lang } from "~/features/i18n/languages.ts";
import type { User } from "~/generated/prisma/client.ts";
import type { Db } from "~/utils/db.server.ts";
import { DEFAULT_SERVICES } from "./defaults.ts";
import { SUPPORT_GROUPS, type SupportGroup } from "./groups.ts";

const text = (max: number) =>
  z.string({ error: "support.errors.required" }).trim().min(1, "support.errors.required").max(max, "support.errors.tooLong");

export const serviceSchema = z.object({
  nameEn: text(120),
  nameCy: text(120),
  forEn: text(300),
  forCy: text(300),
  contactEn: text(300),
  contactCy: text(300),
  url: z
    .string({ error: "support.errors.url" })
    .trim()
    .max(300, "support.errors.tooLong")
    .regex(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}(\/[^\s"'<>]*)?$/i, "support.errors.url"),
  groups: z.array(z.enum(SUPPORT_GROUPS, { error: "support.errors.groups" }), { error: "support.errors.groups" }).min(1, "support.errors.groups"),
});
export type ServiceValues = z.infer<typeof serviceSchema>;

/** Loads the reviewed defaults when there are no services yet; returns how many it loaded. */
export async function loadDefaultServices(db: Db): Promise<number> {
  if ((await db.supportService.count()) > 0) return 0;
  const { count } = await db.supportService.createMany({
    data: DEFAULT_SERVICES.map((service, index) => ({ ...service, position: (index + 1) * 10 })),
    skipDuplicates: true,
  });
  return count;
}

export function listServices(db: Db) {
  return db.supportService.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }] });
}

/** The services for the public page, in the reader's language, grouped by who they are for. */
export async function servicesByGroup(db: Db, lang: Lang) {
  const services = await listServices(db);
  return SUPPORT_GROUPS.map((group) => ({
    group,
    services: services
      .filter((service) => service.groups.includes(group))
      .map((service) => ({
        id: service.id,
        name: lang === "cy" ? service.nameCy : service.nameEn,
        for: lang === "cy" ? service.forCy : service.forEn,
        contact: lang === "cy" ? service.contactCy : service.contactEn,
        url: service.url,
      })),
  })).filter((entry) => entry.services.length > 0);
}

function slug(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  return base || "service";
}

export async function addService(db: Db, admin: User, values: ServiceValues) {
  return db.$transaction(async (tx) => {
    const last = await tx.supportService.aggregate({ _max: { position: true } });
    let id = slug(values.nameEn);
    for (let n = 2; await tx.supportService.findUnique({ where: { id } }); n++) id = `${slug(values.nameEn)}-${n}`;
    await tx.supportService.create({ data: { id, ...values, position: (last._max.position ?? 0) + 10 } });
    await audit(tx, { actorId: admin.id, action: "admin.support_service_added", targetType: "support_service", targetId: id });
    return id;
  });
}

/** Saves a correction; false when there is no such service. */
export async function updateService(db: Db, admin: User, id: string, values: ServiceValues): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.supportService.updateMany({ where: { id }, data: values });
    if (count) await audit(tx, { actorId: admin.id, action: "admin.support_service_changed", targetType: "support_service", targetId: id });
    return count > 0;
  });
}

export async function removeService(db: Db, admin: User, id: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.supportService.deleteMany({ where: { id } });
    if (count) await audit(tx, { actorId: admin.id, action: "admin.support_service_removed", targetType: "support_service", targetId: id });
    return count > 0;
  });
}

export type { SupportGroup };
