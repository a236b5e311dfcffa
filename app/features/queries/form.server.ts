// The steps of the ISVA's query form: check where it would go (and why), then
// send. Routing runs on the server each time, from the database's reference data.
import { loadReferenceData } from "~/features/routing/reference.server.ts";
import { reasonText, routeToArea, type ReferenceData, type RoutingResult } from "~/features/routing/route.ts";
import type { Lang } from "~/features/i18n/languages.ts";
import type { Db } from "~/utils/db.server.ts";
import type { QueryInput } from "./schema.ts";

/** Form field errors for a routing result that cannot be sent yet. */
export function routingErrors(result: RoutingResult): Record<string, string[]> | null {
  switch (result.kind) {
    case "routed":
    case "conflict":
      return null;
    case "needs":
      return result.field === "urnOrForce" ? { forceId: ["queries.errors.urnOrForce"] } : { [fieldOf(result.field)]: [`queries.errors.${result.field}`] };
    case "invalid":
      if (result.field === "urn") return { urn: [result.reason === "unknownForceCode" ? "queries.errors.urnUnknownForce" : "queries.errors.urn"] };
      return { [fieldOf(result.field)]: [`queries.errors.${result.field}`] };
  }
}

function fieldOf(field: "force" | "borough" | "offenceArea") {
  return field === "force" ? "forceId" : field === "borough" ? "boroughId" : "offenceAreaId";
}

export async function routeQuery(db: Db, input: Pick<QueryInput, "urn" | "forceId" | "boroughId" | "offenceAreaId">) {
  const data = await loadReferenceData(db);
  return { data, result: routeToArea(input, data) };
}

export function describeRouting(result: RoutingResult & { kind: "routed" }, lang: Lang, data: ReferenceData) {
  return reasonText(result.reason, lang, data);
}

/** Choices for the form, in the reader's language. */
export function formChoices(data: ReferenceData, lang: Lang) {
  const name = (item: { nameEn: string; nameCy: string }) => (lang === "cy" ? item.nameCy : item.nameEn);
  const sort = <T extends { label: string }>(items: T[]) => items.sort((a, b) => a.label.localeCompare(b.label, lang === "cy" ? "cy" : "en-GB"));
  return {
    forces: sort(data.forces.map((f) => ({ value: f.id, label: name(f) }))),
    boroughs: sort(data.boroughs.map((b) => ({ value: b.id, label: name(b) }))),
    areas: sort(data.areas.map((a) => ({ value: a.id, label: name(a) }))),
    forceNames: Object.fromEntries(data.forces.map((f) => [f.id, name(f)])),
  };
}
