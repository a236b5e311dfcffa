// The steps of the ISVA's query form: check where it would go (and why), then
// send. Routing runs on the server each time, from the database's reference data.
import { uiStrings } from "~/features/i18n/resources.server.ts";
import type { Lang } from "~/features/i18n/languages.ts";
import { loadReferenceData } from "~/features/routing/reference.server.ts";
import { reasonText, routeToArea, type ReferenceData, type RoutingResult } from "~/features/routing/route.ts";
import { consumeAttempt } from "~/features/security/rate-limit.server.ts";
import type { User } from "~/generated/prisma/client.ts";
import type { Db } from "~/utils/db.server.ts";
import { parseWithZod } from "~/utils/forms.ts";
import { submitQuery } from "./queries.server.ts";
import { querySchema, type QueryInput } from "./schema.ts";

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

/**
 * One step of the form, as the ISVA posted it: settle a URN that disagrees with
 * the chosen force, check the answers and where they will go, or send. Sent,
 * it answers with the query's reference; otherwise with what the page shows
 * next (everything typed comes back with it) and its status.
 */
export async function takeQueryStep(db: Db, isva: User, form: FormData, lang: Lang, origin: string) {
  // A conflict between the URN and the chosen force is settled by the ISVA's choice.
  const resolvedForce = form.get("resolveForce");
  if (typeof resolvedForce === "string" && resolvedForce) {
    form.set("forceId", resolvedForce);
    if (form.get("resolvedFromUrn") !== resolvedForce) form.delete("urn");
  }
  const submission = parseWithZod(form, { schema: querySchema });
  if (submission.status !== "success") return { posted: { result: submission.reply(), step: "edit" as const }, status: 400 };
  const { result: routing, data: reference } = await routeQuery(db, submission.value);
  if (routing.kind === "conflict") return { posted: { result: submission.reply(), step: "conflict" as const, conflict: routing }, status: 400 };
  const errors = routingErrors(routing);
  if (errors || routing.kind !== "routed") return { posted: { result: submission.reply({ fieldErrors: errors ?? {} }), step: "edit" as const }, status: 400 };

  if (form.get("intent") !== "send") {
    const reason = describeRouting(routing, lang, reference);
    return { posted: { result: submission.reply(), step: "confirm" as const, reason, values: submission.value, urn: routing.urn }, status: 200 };
  }
  if (!(await consumeAttempt("querySend", isva.id))) {
    return { posted: { result: submission.reply({ formErrors: ["auth.errors.tooMany"] }), step: "edit" as const }, status: 429 };
  }
  const categories = { en: uiStrings("en").queries.categories, cy: uiStrings("cy").queries.categories };
  const sent = await submitQuery(
    db,
    isva,
    submission.value,
    { areaId: routing.areaId, forceId: routing.forceId, boroughId: "boroughId" in routing.reason ? routing.reason.boroughId : undefined, urn: routing.urn, reason: routing.reason },
    { origin, categories },
  );
  return { sent: sent.reference };
}
