import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearReferenceCache, loadReferenceData, REFERENCE_CACHE_MS } from "~/features/routing/reference.server.ts";
import {
  reasonText,
  routeToArea,
  type ReferenceData,
  type RoutingInput,
  type RoutingResult,
} from "~/features/routing/route.ts";
import type { Db } from "~/utils/db.server.ts";
import { createMigratedDatabase } from "../../setup/database.ts";

type FileBorough = { id: string; nameEn: string; nameCy: string; areaId: string; confirmed?: boolean };
const file = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, "../../../prisma/reference-data.json"), "utf8"),
) as ReferenceData & { boroughs: FileBorough[] };

// The file leaves borough.confirmed to the column default (false), as the migration does.
const DATA: ReferenceData = {
  areas: file.areas.map(({ id, nameEn, nameCy }) => ({ id, nameEn, nameCy })),
  forces: file.forces,
  boroughs: file.boroughs.map((b) => ({ ...b, confirmed: b.confirmed ?? false })),
};

// Transcribed from DOMAIN.md ("CPS Areas (14) and police forces"), not from the data file.
const AREA_BY_FORCE_CODE: Record<string, string> = {
  "10": "north-east", "11": "north-east", "17": "north-east",
  "12": "yorkshire-humberside", "13": "yorkshire-humberside", "14": "yorkshire-humberside", "16": "yorkshire-humberside",
  "03": "north-west", "04": "north-west", "06": "north-west",
  "05": "mersey-cheshire", "07": "mersey-cheshire",
  "20": "west-midlands", "21": "west-midlands", "22": "west-midlands", "23": "west-midlands",
  "30": "east-midlands", "31": "east-midlands", "32": "east-midlands", "33": "east-midlands", "34": "east-midlands",
  "35": "east-of-england", "36": "east-of-england", "37": "east-of-england", "42": "east-of-england",
  "40": "thames-chiltern", "41": "thames-chiltern", "43": "thames-chiltern",
  "45": "south-east", "46": "south-east", "47": "south-east",
  "44": "wessex", "54": "wessex", "55": "wessex",
  "50": "south-west", "52": "south-west", "53": "south-west",
  "60": "cymru-wales", "61": "cymru-wales", "62": "cymru-wales", "63": "cymru-wales",
  "48": "london-north",
};
const MET_CODES = ["01", "02"];
const BTP_CODE = "93";

const LONDON_SOUTH = [
  "Bexley", "Bromley", "Croydon", "Greenwich", "Kingston upon Thames", "Lambeth",
  "Lewisham", "Merton", "Richmond upon Thames", "Southwark", "Sutton", "Wandsworth",
];

const forceWithCode = (code: string) => DATA.forces.find((f) => f.codes.includes(code))!;
const urnFor = (code: string) => `${code}/CD/03034/21`;

describe("the reference data the tables below rely on", () => {
  it("has every force code in the tables, and no other", () => {
    const codes = DATA.forces.flatMap((f) => f.codes).sort();
    expect(codes).toEqual([...Object.keys(AREA_BY_FORCE_CODE), ...MET_CODES, BTP_CODE].sort());
    expect(DATA.areas).toHaveLength(14);
    expect(DATA.boroughs).toHaveLength(32);
  });
});

describe("routeToArea: forces routed to one Area", () => {
  const rows = Object.entries(AREA_BY_FORCE_CODE).map(([code, areaId]) => ({ code, areaId, force: forceWithCode(code) }));

  it.each(rows)("sends URN force code $code to $areaId from the URN alone", ({ code, areaId, force }) => {
    expect(routeToArea({ urn: urnFor(code) }, DATA)).toEqual({
      kind: "routed",
      areaId,
      forceId: force.id,
      urn: urnFor(code),
      reason: { code: "force", areaId, forceId: force.id, ...(force.confirmed ? {} : { unconfirmed: true }) },
    });
  });

  it.each(rows)("sends force code $code to $areaId from the force alone", ({ areaId, force }) => {
    const result = routeToArea({ forceId: force.id }, DATA);
    expect(result).toMatchObject({ kind: "routed", areaId, forceId: force.id, reason: { code: "force", areaId } });
    expect(result).not.toHaveProperty("urn");
  });

  it.each(rows)("accepts URN force code $code with the same force chosen", ({ code, areaId, force }) => {
    expect(routeToArea({ urn: `${code}cd0303421`, forceId: force.id }, DATA)).toMatchObject({
      kind: "routed",
      areaId,
      forceId: force.id,
      urn: urnFor(code),
    });
  });

  it("ignores a borough or offence Area given for a force routed to one Area", () => {
    for (const extra of [{ boroughId: "lambeth" }, { boroughId: "no-such-borough" }, { offenceAreaId: "wessex" }]) {
      expect(routeToArea({ forceId: "kent", ...extra }, DATA)).toMatchObject({ kind: "routed", areaId: "south-east", forceId: "kent" });
    }
  });

  it("routes City of London Police to London North, flagged as unconfirmed, whatever the borough", () => {
    const expected: RoutingResult = {
      kind: "routed",
      areaId: "london-north",
      forceId: "city-of-london",
      urn: "48/CD/03034/21",
      reason: { code: "force", areaId: "london-north", forceId: "city-of-london", unconfirmed: true },
    };
    expect(routeToArea({ urn: "48CD0303421" }, DATA)).toEqual(expected);
    expect(routeToArea({ urn: "48CD0303421", forceId: "city-of-london", boroughId: "lambeth" }, DATA)).toEqual(expected);
    expect(routeToArea({ forceId: "city-of-london" }, DATA)).toMatchObject({ kind: "routed", areaId: "london-north" });
  });

  it("flags a force as confirmed again once an administrator confirms it", () => {
    const confirmed = { ...DATA, forces: DATA.forces.map((f) => (f.id === "city-of-london" ? { ...f, confirmed: true } : f)) };
    const result = routeToArea({ forceId: "city-of-london" }, confirmed);
    expect(result.kind === "routed" && result.reason).toEqual({ code: "force", areaId: "london-north", forceId: "city-of-london" });
  });
});

describe("routeToArea: the Metropolitan Police, by borough", () => {
  const rows = DATA.boroughs.flatMap((borough) =>
    MET_CODES.map((code) => ({
      code,
      borough,
      name: borough.nameEn,
      areaId: LONDON_SOUTH.includes(borough.nameEn) ? "london-south" : "london-north",
    })),
  );

  it("has the 12 London South boroughs and 20 London North ones", () => {
    expect(rows.filter((r) => r.areaId === "london-south")).toHaveLength(12 * MET_CODES.length);
    expect(rows.filter((r) => r.areaId === "london-north")).toHaveLength(20 * MET_CODES.length);
  });

  it.each(rows)("sends URN force code $code with $name to $areaId", ({ code, borough, areaId }) => {
    expect(routeToArea({ urn: urnFor(code), boroughId: borough.id }, DATA)).toEqual({
      kind: "routed",
      areaId,
      forceId: "metropolitan",
      urn: urnFor(code),
      reason: { code: "borough", areaId, forceId: "metropolitan", boroughId: borough.id, unconfirmed: true },
    });
    expect(routeToArea({ urn: urnFor(code), forceId: "metropolitan", boroughId: borough.id }, DATA)).toMatchObject({
      kind: "routed",
      areaId,
    });
    expect(routeToArea({ forceId: "metropolitan", boroughId: borough.id }, DATA)).toMatchObject({ kind: "routed", areaId });
  });

  it("needs the borough", () => {
    for (const input of [{ urn: "01/CD/03034/21" }, { urn: "02CD0303421" }, { forceId: "metropolitan" }, { forceId: "metropolitan", boroughId: "  " }]) {
      expect(routeToArea(input, DATA)).toEqual({ kind: "needs", field: "borough" });
    }
  });

  it("refuses a borough it does not know", () => {
    expect(routeToArea({ forceId: "metropolitan", boroughId: "gotham" }, DATA)).toEqual({
      kind: "invalid",
      field: "borough",
      reason: "unknown",
    });
  });

  it("drops the unconfirmed flag once both the force and the borough are confirmed", () => {
    const confirmed = { ...DATA, boroughs: DATA.boroughs.map((b) => ({ ...b, confirmed: true })) };
    const result = routeToArea({ forceId: "metropolitan", boroughId: "lambeth" }, confirmed);
    expect(result.kind === "routed" && result.reason).toEqual({
      code: "borough",
      areaId: "london-south",
      forceId: "metropolitan",
      boroughId: "lambeth",
    });
  });
});

describe("routeToArea: British Transport Police, by the Area of the offence", () => {
  it("needs the offence Area", () => {
    expect(routeToArea({ urn: "93/CD/03034/21" }, DATA)).toEqual({ kind: "needs", field: "offenceArea" });
    expect(routeToArea({ forceId: "british-transport" }, DATA)).toEqual({ kind: "needs", field: "offenceArea" });
    expect(routeToArea({ forceId: "british-transport", boroughId: "lambeth" }, DATA)).toEqual({ kind: "needs", field: "offenceArea" });
  });

  it.each(DATA.areas.map((area) => ({ areaId: area.id })))("sends a case from $areaId there, flagged as unconfirmed", ({ areaId }) => {
    const reason = { code: "offenceArea", areaId, forceId: "british-transport", unconfirmed: true };
    expect(routeToArea({ urn: "93/CD/03034/21", offenceAreaId: areaId }, DATA)).toEqual({
      kind: "routed",
      areaId,
      forceId: "british-transport",
      urn: "93/CD/03034/21",
      reason,
    });
    expect(routeToArea({ forceId: "british-transport", offenceAreaId: areaId }, DATA)).toEqual({
      kind: "routed",
      areaId,
      forceId: "british-transport",
      reason,
    });
  });

  it("refuses an Area it does not know", () => {
    expect(routeToArea({ forceId: "british-transport", offenceAreaId: "scotland" }, DATA)).toEqual({
      kind: "invalid",
      field: "offenceArea",
      reason: "unknown",
    });
  });
});

describe("routeToArea: what it will not decide", () => {
  it("needs a URN or a force", () => {
    for (const input of [{}, { urn: "" }, { urn: "  ", forceId: "" }, { boroughId: "lambeth" }, { offenceAreaId: "wessex" }]) {
      expect(routeToArea(input, DATA)).toEqual({ kind: "needs", field: "urnOrForce" });
    }
  });

  it("asks when the URN's force and the chosen force disagree", () => {
    expect(routeToArea({ urn: "45/CD/03034/21", forceId: "kent" }, DATA)).toEqual({
      kind: "conflict",
      urnForceId: "surrey",
      chosenForceId: "kent",
      urn: "45/CD/03034/21",
    });
    // Even when both forces go to the same Area, and even with a borough that would decide.
    expect(routeToArea({ urn: "01/CD/03034/21", forceId: "city-of-london", boroughId: "camden" }, DATA)).toMatchObject({
      kind: "conflict",
      urnForceId: "metropolitan",
      chosenForceId: "city-of-london",
    });
    expect(routeToArea({ urn: "93CD0303421", forceId: "metropolitan", offenceAreaId: "wessex", boroughId: "lambeth" }, DATA)).toMatchObject({
      kind: "conflict",
      urnForceId: "british-transport",
      chosenForceId: "metropolitan",
    });
  });

  const malformed: [string, string, string][] = [
    ["too short", "45CD034", "format"],
    ["letters in the sequence", "45/CD/03O34/21", "format"],
    ["a 6-digit sequence", "45/CD/030341/21", "format"],
    ["a 3-digit year", "45/CD/03034/213", "format"],
    ["no year", "45/CD/03034", "format"],
    ["a 3-character unit code", "45/CDE/03034/21", "format"],
    ["full-width digits", "４５/CD/03034/21", "format"],
    ["Arabic-Indic digits", "٤٥/CD/٠٣٠٣٤/٢١", "format"],
    ["other punctuation", "45.CD.03034.21", "format"],
    ["41 characters", "45/CD/03034/21".padEnd(41, " "), "tooLong"],
    ["unknown force code 99", "99/CD/03034/21", "unknownForceCode"],
    ["unknown force code 00", "00CD0303421", "unknownForceCode"],
    ["unknown force code 15", "15/AB/1234567/24", "unknownForceCode"],
  ];

  it.each(malformed)("refuses a URN with %s, even with a force chosen", (_, urn, reason) => {
    expect(routeToArea({ urn }, DATA)).toEqual({ kind: "invalid", field: "urn", reason });
    expect(routeToArea({ urn, forceId: "kent" }, DATA)).toEqual({ kind: "invalid", field: "urn", reason });
  });

  it("refuses a force it does not know", () => {
    expect(routeToArea({ forceId: "police-scotland" }, DATA)).toEqual({ kind: "invalid", field: "force", reason: "unknown" });
    expect(routeToArea({ urn: "45/CD/03034/21", forceId: "Surrey" }, DATA)).toEqual({ kind: "invalid", field: "force", reason: "unknown" });
  });

  it("refuses to route a one-Area force whose Area is missing from the data", () => {
    const broken = { ...DATA, areas: DATA.areas.filter((a) => a.id !== "south-east") };
    expect(routeToArea({ forceId: "kent" }, broken)).toEqual({ kind: "invalid", field: "force", reason: "noArea" });
  });
});

describe("routeToArea: properties", () => {
  const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id);
  const urnLike = fc.oneof(
    fc.string({ unit: fc.constantFrom(..."0123456789ABCDcd /-"), maxLength: 20 }),
    fc.constantFrom(...DATA.forces.flatMap((f) => f.codes)).map(urnFor),
  );
  const field = (known: string[]) => fc.option(fc.oneof(fc.constantFrom(...known), fc.string()), { nil: undefined });
  const input: fc.Arbitrary<RoutingInput> = fc.record(
    {
      urn: fc.option(fc.oneof(urnLike, fc.string({ unit: "binary" })), { nil: undefined }),
      forceId: field(ids(DATA.forces)),
      boroughId: field(ids(DATA.boroughs)),
      offenceAreaId: field(ids(DATA.areas)),
    },
    { requiredKeys: [] },
  );

  it("never throws, and routes only to an Area that exists", () => {
    fc.assert(
      fc.property(input, (given) => {
        const result = routeToArea(given, DATA);
        expect(["routed", "needs", "conflict", "invalid"]).toContain(result.kind);
        if (result.kind === "routed") {
          expect(ids(DATA.areas)).toContain(result.areaId);
          expect(result.reason.areaId).toBe(result.areaId);
          for (const lang of ["en", "cy"] as const) expect(reasonText(result.reason, lang, DATA)).toMatch(/^(Routed to|Wedi'i anfon at) CPS /);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws with any values at all, or with partial reference data", () => {
    const partial = fc.record({
      areas: fc.subarray([...DATA.areas]),
      forces: fc.subarray([...DATA.forces]),
      boroughs: fc.subarray([...DATA.boroughs]),
    });
    const anything = fc.dictionary(fc.constantFrom("urn", "forceId", "boroughId", "offenceAreaId"), fc.anything());
    fc.assert(
      fc.property(fc.oneof(input, anything), partial, (given, data) => {
        const result = routeToArea(given as RoutingInput, data);
        if (result.kind === "routed") expect(ids(data.areas)).toContain(result.areaId);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("reasonText", () => {
  const reasonOf = (input: RoutingInput, data: ReferenceData = DATA) => {
    const result = routeToArea(input, data);
    if (result.kind !== "routed") throw new Error(`not routed: ${JSON.stringify(result)}`);
    return result.reason;
  };

  it("names the Area and the police force", () => {
    const reason = reasonOf({ forceId: "lancashire" });
    expect(reasonText(reason, "en", DATA)).toBe("Routed to CPS North West because the police force is Lancashire Constabulary.");
    expect(reasonText(reason, "cy", DATA)).toBe(
      "Wedi'i anfon at CPS y Gogledd-orllewin oherwydd mai'r heddlu yw Heddlu Swydd Gaerhirfryn.",
    );
  });

  it("names the Area and the borough, and says an unconfirmed rule must be checked", () => {
    const reason = reasonOf({ urn: "01/CD/03034/21", boroughId: "lambeth" });
    expect(reasonText(reason, "en", DATA)).toBe(
      "Routed to CPS London South because the borough is Lambeth. This routing rule is not yet confirmed by the CPS.",
    );
    expect(reasonText(reason, "cy", DATA)).toBe(
      "Wedi'i anfon at CPS De Llundain oherwydd mai'r fwrdeistref yw Lambeth. Nid yw'r CPS wedi cadarnhau'r rheol llwybro hon eto.",
    );
    const confirmed = { ...DATA, boroughs: DATA.boroughs.map((b) => ({ ...b, confirmed: true })) };
    const confirmedReason = reasonOf({ forceId: "metropolitan", boroughId: "hammersmith-fulham" }, confirmed);
    expect(reasonText(confirmedReason, "en", confirmed)).toBe("Routed to CPS London North because the borough is Hammersmith and Fulham.");
    expect(reasonText(confirmedReason, "cy", confirmed)).toBe(
      "Wedi'i anfon at CPS Gogledd Llundain oherwydd mai'r fwrdeistref yw Hammersmith a Fulham.",
    );
  });

  it("explains British Transport Police routing by the Area of the offence", () => {
    const reason = reasonOf({ forceId: "british-transport", offenceAreaId: "cymru-wales" });
    expect(reasonText(reason, "en", DATA)).toBe(
      "Routed to CPS Cymru-Wales because the police force is British Transport Police, whose cases go to the CPS Area where the offence happened. This routing rule is not yet confirmed by the CPS.",
    );
    expect(reasonText(reason, "cy", DATA)).toBe(
      "Wedi'i anfon at CPS Cymru-Wales oherwydd mai'r heddlu yw Heddlu Trafnidiaeth Prydain, ac mae ei achosion yn mynd i'r Ardal CPS lle digwyddodd y drosedd. Nid yw'r CPS wedi cadarnhau'r rheol llwybro hon eto.",
    );
  });

  it("names City of London Police and says its rule must be checked", () => {
    const reason = reasonOf({ urn: "48/CD/03034/21" });
    expect(reasonText(reason, "en", DATA)).toBe(
      "Routed to CPS London North because the police force is City of London Police. This routing rule is not yet confirmed by the CPS.",
    );
    expect(reasonText(reason, "cy", DATA)).toBe(
      "Wedi'i anfon at CPS Gogledd Llundain oherwydd mai'r heddlu yw Heddlu Dinas Llundain. Nid yw'r CPS wedi cadarnhau'r rheol llwybro hon eto.",
    );
  });

  it("still says something when a row has since been removed", () => {
    const reason = reasonOf({ forceId: "kent" });
    const withoutKent = { ...DATA, forces: DATA.forces.filter((f) => f.id !== "kent") };
    expect(reasonText(reason, "en", withoutKent)).toBe("Routed to CPS South East because the police force is kent.");
  });
});

describe("loadReferenceData", () => {
  let db: Db;
  beforeAll(async () => {
    ({ db } = await createMigratedDatabase());
  });
  afterAll(() => db.$disconnect());

  it("reads the 14 Areas, 44 forces and 32 boroughs, and routing works with them", async () => {
    clearReferenceCache();
    const data = await loadReferenceData(db);
    expect(data.areas).toHaveLength(14);
    expect(data.forces).toHaveLength(44);
    expect(data.boroughs).toHaveLength(32);
    expect(Object.keys(data.areas[0]!).sort()).toEqual(["id", "nameCy", "nameEn"]);
    expect(Object.keys(data.forces[0]!).sort()).toEqual(["areaId", "codes", "confirmed", "id", "nameCy", "nameEn", "routing"]);
    expect(Object.keys(data.boroughs[0]!).sort()).toEqual(["areaId", "confirmed", "id", "nameCy", "nameEn"]);

    for (const [code, areaId] of Object.entries(AREA_BY_FORCE_CODE)) {
      expect(routeToArea({ urn: urnFor(code) }, data), code).toMatchObject({ kind: "routed", areaId });
    }
    expect(routeToArea({ urn: "02/CD/03034/21", boroughId: "croydon" }, data)).toMatchObject({ kind: "routed", areaId: "london-south" });
    expect(routeToArea({ urn: "93/CD/03034/21", offenceAreaId: "wessex" }, data)).toMatchObject({ kind: "routed", areaId: "wessex" });
    expect(routeToArea({ urn: "45/CD/03034/21", forceId: "kent" }, data)).toMatchObject({ kind: "conflict" });
    const reason = routeToArea({ urn: "01/CD/03034/21", boroughId: "lambeth" }, data);
    expect(reason.kind === "routed" && reasonText(reason.reason, "en", data)).toBe(
      "Routed to CPS London South because the borough is Lambeth. This routing rule is not yet confirmed by the CPS.",
    );
  });

  it("keeps what it read for a minute, and reads again after that or when cleared", async () => {
    clearReferenceCache();
    const start = Date.now();
    const first = await loadReferenceData(db, start);
    expect(first.boroughs.find((b) => b.id === "lambeth")?.confirmed).toBe(false);

    await db.borough.update({ where: { id: "lambeth" }, data: { confirmed: true } });
    expect(await loadReferenceData(db, start + REFERENCE_CACHE_MS - 1)).toBe(first);

    const later = await loadReferenceData(db, start + REFERENCE_CACHE_MS);
    expect(later).not.toBe(first);
    expect(later.boroughs.find((b) => b.id === "lambeth")?.confirmed).toBe(true);

    await db.borough.update({ where: { id: "lambeth" }, data: { confirmed: false } });
    expect(await loadReferenceData(db, start + REFERENCE_CACHE_MS)).toBe(later);
    clearReferenceCache();
    const cleared = await loadReferenceData(db, start + REFERENCE_CACHE_MS);
    expect(cleared.boroughs.find((b) => b.id === "lambeth")?.confirmed).toBe(false);
  });
});
