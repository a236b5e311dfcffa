// The reference data routing needs, read from the database. Every query and
// letter routes through it, so it is kept in memory, but only briefly:
// administrators correct Areas, forces and boroughs, and a correction should
// be in use within a minute without a restart.
import type { Db } from "~/utils/db.server.ts";
import type { ReferenceData } from "./route.ts";

export const REFERENCE_CACHE_MS = 60_000;

type Cached = { expiresAt: number; data: Promise<ReferenceData> };

// One entry a client: tests run several databases in one process.
let cache = new WeakMap<Db, Cached>();

async function readReferenceData(db: Db): Promise<ReferenceData> {
  const [areas, forces, boroughs] = await Promise.all([
    db.area.findMany({ select: { id: true, nameEn: true, nameCy: true }, orderBy: { nameEn: "asc" } }),
    db.policeForce.findMany({
      select: { id: true, nameEn: true, nameCy: true, codes: true, routing: true, areaId: true, confirmed: true },
      orderBy: { nameEn: "asc" },
    }),
    db.borough.findMany({
      select: { id: true, nameEn: true, nameCy: true, areaId: true, confirmed: true },
      orderBy: { nameEn: "asc" },
    }),
  ]);
  return { areas, forces, boroughs };
}

export function loadReferenceData(db: Db, now: number = Date.now()): Promise<ReferenceData> {
  const cached = cache.get(db);
  if (cached && cached.expiresAt > now) return cached.data;
  const data = readReferenceData(db);
  cache.set(db, { expiresAt: now + REFERENCE_CACHE_MS, data });
  // A failed read is not kept: the next call tries again.
  data.catch(() => {
    if (cache.get(db)?.data === data) cache.delete(db);
  });
  return data;
}

/** Forgets what was read, so the next call reads again: after an administrator's change. */
export function clearReferenceCache(): void {
  cache = new WeakMap();
}
