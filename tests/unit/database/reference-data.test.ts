// The reference data every route decision depends on: the 14 CPS Areas, the
// police forces with their codes, and the London boroughs (DOMAIN.md).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/utils/db.server.ts";
import { createMigratedDatabase } from "../../setup/database.ts";

// Transcribed from the reviewed table of CPS Areas and force codes.
const FORCE_CODES_BY_AREA: Record<string, string[]> = {
  "north-east": ["10", "11", "17"],
  "yorkshire-humberside": ["12", "13", "14", "16"],
  "north-west": ["03", "04", "06"],
  "mersey-cheshire": ["05", "07"],
  "west-midlands": ["20", "21", "22", "23"],
  "east-midlands": ["30", "31", "32", "33", "34"],
  "east-of-england": ["35", "36", "37", "42"],
  "thames-chiltern": ["40", "41", "43"],
  "south-east": ["45", "46", "47"],
  wessex: ["44", "54", "55"],
  "south-west": ["50", "52", "53"],
  "cymru-wales": ["60", "61", "62", "63"],
  "london-north": ["48"],
  "london-south": [],
};

const LONDON_SOUTH = [
  "Bexley", "Bromley", "Croydon", "Greenwich", "Kingston upon Thames", "Lambeth",
  "Lewisham", "Merton", "Richmond upon Thames", "Southwark", "Sutton", "Wandsworth",
];

const LONDON_BOROUGHS = [
  "Barking and Dagenham", "Barnet", "Bexley", "Brent", "Bromley", "Camden", "Croydon", "Ealing",
  "Enfield", "Greenwich", "Hackney", "Hammersmith and Fulham", "Haringey", "Harrow", "Havering",
  "Hillingdon", "Hounslow", "Islington", "Kensington and Chelsea", "Kingston upon Thames", "Lambeth",
  "Lewisham", "Merton", "Newham", "Redbridge", "Richmond upon Thames", "Southwark", "Sutton",
  "Tower Hamlets", "Waltham Forest", "Wandsworth", "Westminster",
];

let db: Db;
beforeAll(async () => {
  ({ db } = await createMigratedDatabase());
});
afterAll(() => db.$disconnect());

describe("reference data", () => {
  it("has the 14 CPS Areas, each with English and Welsh names and a reserved-domain mailbox", async () => {
    const areas = await db.area.findMany({ orderBy: { id: "asc" } });
    expect(areas.map((a) => a.id).sort()).toEqual(Object.keys(FORCE_CODES_BY_AREA).sort());
    for (const area of areas) {
      expect(area.nameEn).toMatch(/^CPS /);
      expect(area.nameCy).toMatch(/^CPS /);
      expect(area.rassoMailbox).toMatch(/^[a-z.-]+@cps\.example$/);
    }
    expect(new Set(areas.map((a) => a.rassoMailbox)).size).toBe(14);
  });

  it("maps every force code to its Area", async () => {
    for (const [areaId, codes] of Object.entries(FORCE_CODES_BY_AREA)) {
      for (const code of codes) {
        const force = await db.policeForce.findFirst({ where: { codes: { has: code } } });
        expect(force, `force code ${code}`).not.toBeNull();
        expect(force!.routing).toBe("AREA");
        expect(force!.areaId, `force code ${code}`).toBe(areaId);
      }
    }
  });

  it("routes the Metropolitan Police (01 and 02) by borough and British Transport Police (93) by offence area", async () => {
    const met = await db.policeForce.findFirstOrThrow({ where: { codes: { has: "01" } } });
    expect(met.codes).toEqual(["01", "02"]);
    expect(met).toMatchObject({ routing: "BOROUGH", areaId: null });
    const btp = await db.policeForce.findFirstOrThrow({ where: { codes: { has: "93" } } });
    expect(btp).toMatchObject({ routing: "OFFENCE_AREA", areaId: null, confirmed: false });
  });

  it("has 44 forces (43 territorial and British Transport Police) and no force code twice", async () => {
    const forces = await db.policeForce.findMany();
    expect(forces).toHaveLength(44);
    const codes = forces.flatMap((f) => f.codes);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^\d{2}$/);
  });

  it("maps every London borough to London North or London South", async () => {
    const boroughs = await db.borough.findMany({ orderBy: { nameEn: "asc" } });
    expect(boroughs.map((b) => b.nameEn)).toEqual([...LONDON_BOROUGHS].sort());
    for (const borough of boroughs) {
      expect(borough.areaId).toBe(LONDON_SOUTH.includes(borough.nameEn) ? "london-south" : "london-north");
    }
  });

  it("matches the reviewed data file exactly", async () => {
    const file = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../../prisma/reference-data.json"), "utf8"));
    const areas = await db.area.findMany({ select: { id: true, nameEn: true, nameCy: true, rassoMailbox: true } });
    const forces = await db.policeForce.findMany({
      select: { id: true, nameEn: true, nameCy: true, codes: true, routing: true, areaId: true, confirmed: true },
    });
    const boroughs = await db.borough.findMany({ select: { id: true, nameEn: true, nameCy: true, areaId: true } });
    const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(areas)).toEqual(byId(file.areas));
    expect(byId(forces)).toEqual(byId(file.forces));
    expect(byId(boroughs)).toEqual(byId(file.boroughs));
  });
});
