// What a VLO does with a meeting request, one form at a time: offer times,
// book one, move or cancel a meeting with a reason, mark it declined, record
// what happened. Each answer is what the page shows next, with its status.
import type { User } from "~/generated/prisma/client.ts";
import type { Db } from "~/utils/db.server.ts";
import { isUuid } from "~/utils/ids.ts";
import { tooLong } from "~/utils/limits.ts";
import type { Posted } from "./posted.ts";
import { bookRequest, cancelBookedMeeting, markDeclined, MAX_PROPOSED, proposeSlots, recordOutcome, rescheduleMeeting } from "./requests.server.ts";
import { outcomeSchema, REASON_MAX } from "./schema.ts";
import { readTime } from "./time.server.ts";

export type RequestAnswer = { posted: Posted; status: number };

function failure(intent: string, error: string, status: number, typed: Record<string, string> = {}, field = "date"): RequestAnswer {
  return { posted: { intent, error, field, typed }, status };
}

const done = (posted: Posted): RequestAnswer => ({ posted, status: 200 });

const REFUSALS: Record<string, string> = {
  overlap: "meetings.errors.overlap",
  invalid: "meetings.errors.booking",
  slotGone: "meetings.errors.slotGone",
  count: "meetings.errors.proposeCount",
  booked: "meetings.errors.alreadyBooked",
};

/** Carries out the form's intent for the VLO; a request not in their Area is a 404, thrown. */
export async function actOnRequest(db: Db, vlo: User, reference: string, form: FormData, origin: string): Promise<RequestAnswer> {
  const intent = String(form.get("intent") ?? "");
  const refused = (intent: string, outcome: { ok: false; reason: string }, typed: Record<string, string> = {}, field = "date") => {
    if (outcome.reason === "notFound") throw new Response("Not found", { status: 404 });
    return failure(intent, REFUSALS[outcome.reason] ?? "meetings.errors.booking", 409, typed, field);
  };
  const meetingId = String(form.get("meetingId") ?? "");
  const reason = String(form.get("reason") ?? "").trim();
  const reasonProblem = !reason ? "meetings.errors.reason" : reason.length > REASON_MAX ? tooLong(REASON_MAX) : null;

  switch (intent) {
    case "book-time": {
      const time = readTime(form);
      const mode = form.get("mode") === "VIDEO" ? "VIDEO" : "IN_PERSON";
      if (!time.ok) return failure(intent, time.error, 400, time.typed, time.field);
      const outcome = await bookRequest(db, vlo, reference, { startsAt: time.startsAt, endsAt: time.endsAt, room: time.room ?? null, mode }, origin);
      if (!outcome.ok) return refused(intent, outcome, time.typed);
      return done({ intent, done: "booked", told: outcome });
    }
    case "book-slot": {
      const slotId = String(form.get("slotId") ?? "");
      if (!isUuid(slotId)) return failure(intent, "meetings.errors.chooseSlot", 400, {}, "slotId");
      const outcome = await bookRequest(db, vlo, reference, { slotId }, origin);
      if (!outcome.ok) return refused(intent, outcome, {}, "slotId");
      return done({ intent, done: "booked", told: outcome });
    }
    case "propose": {
      const slotIds = form.getAll("slotIds").map(String).filter(isUuid);
      if (!slotIds.length || slotIds.length > MAX_PROPOSED) return failure(intent, "meetings.errors.proposeCount", 400, {}, "slotIds");
      const outcome = await proposeSlots(db, vlo, reference, slotIds, origin);
      if (!outcome.ok) return refused(intent, outcome, {}, "slotIds");
      return done({ intent, done: "offered", told: outcome });
    }
    case "move": {
      const time = readTime(form);
      const typed = { ...time.typed, reason };
      if (!time.ok) return failure(intent, time.error, 400, typed, time.field);
      if (reasonProblem) return failure(intent, reasonProblem, 400, typed, "reason");
      if (!isUuid(meetingId)) throw new Response("Not found", { status: 404 });
      const outcome = await rescheduleMeeting(db, vlo, reference, meetingId, { startsAt: time.startsAt, endsAt: time.endsAt, room: time.room ?? null, reason }, origin);
      if (!outcome.ok) return refused(intent, outcome, typed);
      return done({ intent, done: "moved", told: outcome });
    }
    case "cancel": {
      if (reasonProblem) return failure(intent, reasonProblem, 400, { cancelReason: reason }, "cancelReason");
      if (!isUuid(meetingId)) throw new Response("Not found", { status: 404 });
      const outcome = await cancelBookedMeeting(db, vlo, reference, meetingId, reason, origin);
      if (!outcome.ok) return refused(intent, outcome);
      return done({ intent, done: "cancelled", told: outcome });
    }
    case "declined": {
      if (!(await markDeclined(db, vlo, reference, origin))) throw new Response("Not found", { status: 404 });
      return done({ intent, done: "declined" });
    }
    case "outcome": {
      const parsed = outcomeSchema.safeParse({ held: form.get("held") ?? undefined, specialMeasures: form.get("specialMeasures") ?? undefined, followUps: form.get("followUps") ?? undefined });
      const typed = { held: String(form.get("held") ?? ""), specialMeasures: String(form.get("specialMeasures") ?? ""), followUps: String(form.get("followUps") ?? "") };
      if (!parsed.success) {
        const [issue] = parsed.error.issues;
        return failure(intent, issue?.message ?? "meetings.errors.held", 400, typed, String(issue?.path[0] ?? "held"));
      }
      if (!(await recordOutcome(db, vlo, reference, parsed.data))) throw new Response("Not found", { status: 404 });
      return done({ intent, done: "outcome" });
    }
    default:
      return failure(intent, "meetings.errors.booking", 400);
  }
}
