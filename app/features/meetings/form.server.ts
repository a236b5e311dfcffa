// The one way a meeting request form is read, routed and stored, whoever fills
// it in: validated on the server, routed to the Area by the same rules as ISVA
// queries, rate-limited, and kept with everything typed when it is refused.
import type { Lang } from "~/features/i18n/languages.ts";
import { loadReferenceData } from "~/features/routing/reference.server.ts";
import { routeToArea, type RoutingResult } from "~/features/routing/route.ts";
import { consumeAttempt, type LimitName } from "~/features/security/rate-limit.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { parseWithZod } from "~/utils/forms.ts";
import { createMeetingRequest, type Requester } from "./requests.server.ts";
import { meetingRequestSchema } from "./schema.ts";

export type RequestFormResult =
  | { ok: false; status: number; errors: Record<string, string[] | null>; typed: Record<string, string[]> }
  | { ok: true; reference: string; area: { en: string; cy: string; id: string } };

export async function submitRequestForm(
  form: FormData,
  { lang, origin, by, limit }: { lang: Lang; origin: string; by: Requester; limit: { name: LimitName; subject: string } },
): Promise<RequestFormResult> {
  const typed = Object.fromEntries([...form.keys()].filter((key) => key !== "csrf").map((key) => [key, form.getAll(key).map(String)]));
  const submission = parseWithZod(form, { schema: meetingRequestSchema });
  if (submission.status !== "success") return { ok: false, status: 400, errors: submission.error ?? {}, typed };
  const { forceId, boroughId, offenceAreaId } = submission.value;
  // Only ISVAs and VLOs are asked for a URN: a victim's form never routes by one.
  const urn = by.kind === "VICTIM" ? undefined : submission.value.urn;
  const routed = routeToArea({ urn, forceId, boroughId, offenceAreaId }, await loadReferenceData(getDb()));
  if (routed.kind !== "routed") return { ok: false, status: 400, errors: routingErrors(routed), typed };
  if (!(await consumeAttempt(limit.name, limit.subject))) {
    return { ok: false, status: 429, errors: { name: ["auth.errors.tooMany"] }, typed };
  }
  const sent = await createMeetingRequest(getDb(), { ...submission.value, urn: routed.urn }, routed.areaId, lang, origin, by);
  return { ok: true, reference: sent.reference, area: sent.area };
}

/** The field to correct, and why, when a request cannot be routed. */
function routingErrors(result: Exclude<RoutingResult, { kind: "routed" }>): Record<string, string[]> {
  if (result.kind === "conflict") return { urn: ["meetings.errors.urnConflict"] };
  if (result.field === "urn") return { urn: ["meetings.errors.urn"] };
  if (result.field === "borough") return { boroughId: ["meetings.errors.borough"] };
  if (result.field === "offenceArea") return { offenceAreaId: ["meetings.errors.offenceArea"] };
  return { forceId: ["meetings.errors.force"] };
}
