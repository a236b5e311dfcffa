// Which CPS Area's RASSO unit takes a case: from the URN's force code, the
// police force chosen, and, where the force alone cannot decide, the London
// borough (Metropolitan Police) or the Area where the offence happened
// (British Transport Police). Pure: the reference data comes in as an
// argument, because administrators correct it in the database (DOMAIN.md).
import type { Lang } from "~/features/i18n/languages.ts";
import { parseUrn, type UrnProblem } from "./urn.ts";

export type ForceRouting = "AREA" | "BOROUGH" | "OFFENCE_AREA";

export type ReferenceArea = { id: string; nameEn: string; nameCy: string };

export type ReferenceForce = {
  id: string;
  nameEn: string;
  nameCy: string;
  codes: string[];
  routing: ForceRouting;
  areaId: string | null;
  confirmed: boolean;
};

export type ReferenceBorough = { id: string; nameEn: string; nameCy: string; areaId: string; confirmed: boolean };

export type ReferenceData = {
  areas: readonly ReferenceArea[];
  forces: readonly ReferenceForce[];
  boroughs: readonly ReferenceBorough[];
};

export type RoutingInput = { urn?: string; forceId?: string; boroughId?: string; offenceAreaId?: string };

/**
 * Why a case went where it did, as data for a translated sentence. Stored
 * with a decision, it still explains it after the reference data changes.
 * `unconfirmed` is there when the rule used is not yet confirmed by the CPS.
 */
export type RoutingReason =
  | { code: "force"; areaId: string; forceId: string; unconfirmed?: true }
  | { code: "borough"; areaId: string; forceId: string; boroughId: string; unconfirmed?: true }
  | { code: "offenceArea"; areaId: string; forceId: string; unconfirmed?: true };

export type RoutingResult =
  | { kind: "routed"; areaId: string; forceId: string; urn?: string; reason: RoutingReason }
  | { kind: "needs"; field: "force" | "borough" | "offenceArea" | "urnOrForce" }
  | { kind: "conflict"; urnForceId: string; chosenForceId: string; urn: string }
  | { kind: "invalid"; field: "urn"; reason: UrnProblem | "unknownForceCode" }
  | { kind: "invalid"; field: "force" | "borough" | "offenceArea"; reason: "unknown" | "noArea" };

// Inputs come from forms: blank means "not given", and anything that is not
// a string is treated the same rather than trusted.
function given(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

function unconfirmedIf(unconfirmed: boolean): { unconfirmed?: true } {
  return unconfirmed ? { unconfirmed: true } : {};
}

export function routeToArea(input: RoutingInput, data: ReferenceData): RoutingResult {
  // The URN goes to parseUrn as typed, so its length cap applies to what was sent.
  const urnText = typeof input?.urn === "string" && input.urn.trim() !== "" ? input.urn : undefined;
  const chosenId = given(input?.forceId);

  let urn: string | undefined;
  let urnForce: ReferenceForce | undefined;
  if (urnText !== undefined) {
    const parsed = parseUrn(urnText);
    if (!parsed.ok) return { kind: "invalid", field: "urn", reason: parsed.reason };
    urn = parsed.normalised;
    urnForce = data.forces.find((force) => force.codes.includes(parsed.urn.forceCode));
    if (!urnForce) return { kind: "invalid", field: "urn", reason: "unknownForceCode" };
  }

  let chosenForce: ReferenceForce | undefined;
  if (chosenId !== undefined) {
    chosenForce = data.forces.find((force) => force.id === chosenId);
    if (!chosenForce) return { kind: "invalid", field: "force", reason: "unknown" };
  }

  // A URN and a choice that disagree are both somebody's mistake: ask, never guess.
  if (urn !== undefined && urnForce && chosenForce && urnForce.id !== chosenForce.id) {
    return { kind: "conflict", urnForceId: urnForce.id, chosenForceId: chosenForce.id, urn };
  }

  const force = urnForce ?? chosenForce;
  if (!force) return { kind: "needs", field: "urnOrForce" };
  const routed = (areaId: string, reason: RoutingReason): RoutingResult => ({
    kind: "routed",
    areaId,
    forceId: force.id,
    ...(urn === undefined ? {} : { urn }),
    reason,
  });
  const areaExists = (areaId: string | null) => data.areas.some((area) => area.id === areaId);

  switch (force.routing) {
    case "AREA": {
      const areaId = force.areaId;
      if (areaId === null || !areaExists(areaId)) return { kind: "invalid", field: "force", reason: "noArea" };
      return routed(areaId, { code: "force", areaId, forceId: force.id, ...unconfirmedIf(!force.confirmed) });
    }
    case "BOROUGH": {
      const boroughId = given(input?.boroughId);
      if (boroughId === undefined) return { kind: "needs", field: "borough" };
      const borough = data.boroughs.find((b) => b.id === boroughId);
      if (!borough) return { kind: "invalid", field: "borough", reason: "unknown" };
      if (!areaExists(borough.areaId)) return { kind: "invalid", field: "borough", reason: "noArea" };
      const unconfirmed = !force.confirmed || !borough.confirmed;
      return routed(borough.areaId, {
        code: "borough",
        areaId: borough.areaId,
        forceId: force.id,
        boroughId: borough.id,
        ...unconfirmedIf(unconfirmed),
      });
    }
    case "OFFENCE_AREA": {
      const areaId = given(input?.offenceAreaId);
      if (areaId === undefined) return { kind: "needs", field: "offenceArea" };
      if (!areaExists(areaId)) return { kind: "invalid", field: "offenceArea", reason: "unknown" };
      return routed(areaId, { code: "offenceArea", areaId, forceId: force.id, ...unconfirmedIf(!force.confirmed) });
    }
    default:
      // Only reachable with reference data that did not come from the schema.
      return { kind: "invalid", field: "force", reason: "noArea" };
  }
}

const SENTENCES = {
  en: {
    force: (area: string, force: string) => `Routed to ${area} because the police force is ${force}.`,
    borough: (area: string, borough: string) => `Routed to ${area} because the borough is ${borough}.`,
    offenceArea: (area: string, force: string) =>
      `Routed to ${area} because the police force is ${force}, whose cases go to the CPS Area where the offence happened.`,
    areaOnly: (area: string) => `Routed to ${area}.`,
    unconfirmed: "This routing rule is not yet confirmed by the CPS.",
  },
  cy: {
    force: (area: string, force: string) => `Wedi'i anfon at ${area} oherwydd mai'r heddlu yw ${force}.`,
    borough: (area: string, borough: string) => `Wedi'i anfon at ${area} oherwydd mai'r fwrdeistref yw ${borough}.`,
    offenceArea: (area: string, force: string) =>
      `Wedi'i anfon at ${area} oherwydd mai'r heddlu yw ${force}, ac mae ei achosion yn mynd i'r Ardal CPS lle digwyddodd y drosedd.`,
    areaOnly: (area: string) => `Wedi'i anfon at ${area}.`,
    unconfirmed: "Nid yw'r CPS wedi cadarnhau'r rheol llwybro hon eto.",
  },
} satisfies Record<Lang, unknown>;

// A row removed since the decision was made still gets a sentence: its id.
function nameOf(rows: readonly { id: string; nameEn: string; nameCy: string }[], id: string, lang: Lang): string {
  const row = rows.find((r) => r.id === id);
  if (!row) return id;
  return lang === "cy" ? row.nameCy : row.nameEn;
}

function mainSentence(reason: RoutingReason, lang: Lang, data: ReferenceData, area: string): string {
  const sentences = SENTENCES[lang === "cy" ? "cy" : "en"];
  switch (reason.code) {
    case "force":
      return sentences.force(area, nameOf(data.forces, reason.forceId, lang));
    case "borough":
      return sentences.borough(area, nameOf(data.boroughs, reason.boroughId, lang));
    case "offenceArea":
      return sentences.offenceArea(area, nameOf(data.forces, reason.forceId, lang));
    default:
      // A stored reason from a later version of this code: still say where it went.
      return sentences.areaOnly(area);
  }
}

/** The reason as one or two sentences in English or Welsh, naming the Area and the force or borough. */
export function reasonText(reason: RoutingReason, lang: Lang, data: ReferenceData): string {
  const sentences = SENTENCES[lang === "cy" ? "cy" : "en"];
  const area = nameOf(data.areas, reason.areaId, lang);
  const text = mainSentence(reason, lang, data, area);
  return reason.unconfirmed ? `${text} ${sentences.unconfirmed}` : text;
}
