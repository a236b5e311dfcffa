// One meeting request: how the victim may (and may not) be contacted, their
// needs as an agenda, and what the VLO does with it: offer up to three of
// their published times, book a time, move or cancel a meeting with a reason,
// and record what happened. Nothing goes to a channel the victim ruled out.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField } from "~/components/auth/SignedIn.tsx";
import { BookedMeeting, OutcomeSection } from "~/components/meetings/RequestForms.tsx";
import { ContactAndAgenda, ToldBanner, type Posted } from "~/components/meetings/RequestParts.tsx";
import { TimeFields } from "~/components/meetings/TimeFields.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { CheckboxGroup, RadioGroup } from "~/components/ui/Choices.tsx";
import { ErrorSummary } from "~/components/ui/ErrorSummary.tsx";
import { RelativeDay } from "~/components/ui/RelativeDay.tsx";
import { hasRole, requireCsrf, requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { signedInData } from "~/features/auth/session-route.server.ts";
import { formatDate, relativeDay } from "~/features/dates/format.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { langFromPath, localisePath } from "~/features/i18n/languages.ts";
import { listSlots } from "~/features/meetings/booking.server.ts";
import { meetingWhen } from "~/features/meetings/messages.server.ts";
import {
  bookRequest,
  cancelBookedMeeting,
  isMeetingReference,
  markDeclined,
  MAX_PROPOSED,
  proposeSlots,
  recordOutcome,
  rescheduleMeeting,
  staffMeetingRequest,
} from "~/features/meetings/requests.server.ts";
import { outcomeSchema, REASON_MAX } from "~/features/meetings/schema.ts";
import { londonParts, readTime } from "~/features/meetings/time.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { titleFor } from "~/utils/meta.ts";
import { publicOrigin } from "~/utils/origin.server.ts";
import { readForm } from "~/utils/read-form.server.ts";
import { isUuid } from "~/utils/ids.ts";
import { tooLong } from "~/utils/limits.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "titles.meetingRequest");

function requireReference(value: string | undefined) {
  if (!isMeetingReference(value)) throw new Response("Not found", { status: 404 });
  return value;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = requireRole(await requireUser(request), "VLO", "AREA_STAFF");
  const lang = langFromPath(new URL(request.url).pathname);
  const found = await staffMeetingRequest(getDb(), session.user, requireReference(params.reference));
  if (!found) throw new Response("Not found", { status: 404 });
  const isVlo = hasRole(session.user, "VLO");
  const open = isVlo ? (await listSlots(getDb(), session.user.id)).filter((slot) => slot.status === "OPEN") : [];
  const slotView = (slot: { id: string; startsAt: Date; mode: "IN_PERSON" | "VIDEO"; location: string | null }) => ({
    id: slot.id,
    when: meetingWhen(slot.startsAt, lang),
    mode: slot.mode,
    location: slot.location,
  });
  return {
    ...signedInData(session),
    canBook: isVlo,
    maxProposed: MAX_PROPOSED,
    openSlots: open.map(slotView),
    request: {
      reference: found.reference,
      status: found.status,
      requestedBy: found.requestedBy,
      received: { date: formatDate(found.createdAt, lang), relative: relativeDay(found.createdAt) },
      // An address the victim did not say is safe is not sent to the browser at all.
      contact: found.plan.emailVictim ? found.contact : { ...found.contact, email: undefined },
      needs: found.needs,
      outcome: found.outcome,
      confirmed: Boolean(found.confirmedAt),
      rearrangeAsked: Boolean(found.rearrangeAskedAt),
      safe: { email: found.safeEmail, phone: found.safePhone, voicemail: found.safeVoicemail, text: found.safeText, onlyViaIsva: found.onlyViaIsva },
      plan: found.plan,
      proposed: found.proposed.map(slotView),
      meetings: found.meetings.map((m) => ({
        id: m.id,
        when: meetingWhen(m.startsAt, lang),
        relative: relativeDay(m.startsAt),
        room: m.room,
        mode: m.mode,
        minutes: Math.round((m.endsAt.getTime() - m.startsAt.getTime()) / 60_000),
        ...londonParts(m.startsAt),
      })),
    },
  };
}


function failure(intent: string, error: string, status: number, typed: Record<string, string> = {}, field = "date") {
  return data<Posted>({ intent, error, field, typed }, { status });
}

const REFUSALS: Record<string, string> = {
  overlap: "meetings.errors.overlap",
  invalid: "meetings.errors.booking",
  slotGone: "meetings.errors.slotGone",
  count: "meetings.errors.proposeCount",
  booked: "meetings.errors.alreadyBooked",
};

export async function action({ request, params }: ActionFunctionArgs) {
  // Area staff may read a request; only VLOs act on it.
  const session = requireRole(await requireUser(request), "VLO");
  const form = await readForm(request);
  requireCsrf(session, form);
  const reference = requireReference(params.reference);
  const intent = String(form.get("intent") ?? "");
  const db = getDb();
  const origin = publicOrigin(request);
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
      const outcome = await bookRequest(db, session.user, reference, { startsAt: time.startsAt, endsAt: time.endsAt, room: time.room ?? null, mode }, origin);
      if (!outcome.ok) return refused(intent, outcome, time.typed);
      return data<Posted>({ intent, done: "booked", told: outcome });
    }
    case "book-slot": {
      const slotId = String(form.get("slotId") ?? "");
      if (!isUuid(slotId)) return failure(intent, "meetings.errors.chooseSlot", 400, {}, "slotId");
      const outcome = await bookRequest(db, session.user, reference, { slotId }, origin);
      if (!outcome.ok) return refused(intent, outcome, {}, "slotId");
      return data<Posted>({ intent, done: "booked", told: outcome });
    }
    case "propose": {
      const slotIds = form.getAll("slotIds").map(String).filter(isUuid);
      if (!slotIds.length || slotIds.length > MAX_PROPOSED) return failure(intent, "meetings.errors.proposeCount", 400, {}, "slotIds");
      const outcome = await proposeSlots(db, session.user, reference, slotIds, origin);
      if (!outcome.ok) return refused(intent, outcome, {}, "slotIds");
      return data<Posted>({ intent, done: "offered", told: outcome });
    }
    case "move": {
      const time = readTime(form);
      const typed = { ...time.typed, reason };
      if (!time.ok) return failure(intent, time.error, 400, typed, time.field);
      if (reasonProblem) return failure(intent, reasonProblem, 400, typed, "reason");
      if (!isUuid(meetingId)) throw new Response("Not found", { status: 404 });
      const outcome = await rescheduleMeeting(db, session.user, reference, meetingId, { startsAt: time.startsAt, endsAt: time.endsAt, room: time.room ?? null, reason }, origin);
      if (!outcome.ok) return refused(intent, outcome, typed);
      return data<Posted>({ intent, done: "moved", told: outcome });
    }
    case "cancel": {
      if (reasonProblem) return failure(intent, reasonProblem, 400, { cancelReason: reason }, "cancelReason");
      if (!isUuid(meetingId)) throw new Response("Not found", { status: 404 });
      const outcome = await cancelBookedMeeting(db, session.user, reference, meetingId, reason, origin);
      if (!outcome.ok) return refused(intent, outcome);
      return data<Posted>({ intent, done: "cancelled", told: outcome });
    }
    case "declined": {
      if (!(await markDeclined(db, session.user, reference, origin))) throw new Response("Not found", { status: 404 });
      return data<Posted>({ intent, done: "declined" });
    }
    case "outcome": {
      const parsed = outcomeSchema.safeParse({ held: form.get("held") ?? undefined, specialMeasures: form.get("specialMeasures") ?? undefined, followUps: form.get("followUps") ?? undefined });
      const typed = { held: String(form.get("held") ?? ""), specialMeasures: String(form.get("specialMeasures") ?? ""), followUps: String(form.get("followUps") ?? "") };
      if (!parsed.success) {
        const [issue] = parsed.error.issues;
        return failure(intent, issue?.message ?? "meetings.errors.held", 400, typed, String(issue?.path[0] ?? "held"));
      }
      if (!(await recordOutcome(db, session.user, reference, parsed.data))) throw new Response("Not found", { status: 404 });
      return data<Posted>({ intent, done: "outcome" });
    }
    default:
      return failure(intent, "meetings.errors.booking", 400);
  }
}

export default function MeetingRequestPage() {
  const t = useT();
  const lang = useLang();
  const { request, canBook, openSlots, maxProposed } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>() as Posted | undefined;
  const failed = (intent: string) => (posted?.error && posted.intent === intent ? posted : undefined);
  const meeting = request.meetings[0];
  const slotLabel = (slot: { when: string; mode: string; location: string | null }) =>
    `${slot.when} (${slot.mode === "VIDEO" ? t("meetings.formatOptions.VIDEO") : (slot.location ?? t("meetings.formatOptions.IN_PERSON"))})`;
  return (
    <>
      {posted?.error ? <ErrorSummary errors={[{ name: posted.field ?? "date", key: posted.error }]} /> : null}
      {posted ? <ToldBanner posted={posted} /> : null}
      <span className="govuk-caption-l">{t(`meetings.requestedBy.${request.requestedBy}`)}</span>
      <h1 className="govuk-heading-l">{request.reference}</h1>
      <p className="govuk-body" data-testid="received">
        {t("workspace.relative.receivedOn", { date: request.received.date })}
        <RelativeDay relative={request.received.relative} />
      </p>
      <p className="govuk-body">
        <strong className="govuk-tag" data-testid="status">{t(`meetings.statuses.${request.status}`)}</strong>
        {request.confirmed ? <strong className="govuk-tag govuk-tag--green app-tag-gap">{t("meetings.confirmedTag")}</strong> : null}
        {request.rearrangeAsked ? <strong className="govuk-tag govuk-tag--orange app-tag-gap">{t("meetings.rearrangeTag")}</strong> : null}
      </p>
      <ContactAndAgenda request={request} />

      {meeting ? <BookedMeeting meeting={meeting} canChange={canBook} move={failed("move")} cancel={failed("cancel")} /> : null}

      <h2 className="govuk-heading-m">{t("meetings.lettersHeading")}</h2>
      <ul className="govuk-list">
        {(meeting ? ["pre-trial-meeting-offer", "pre-trial-meeting-confirmation"] : ["pre-trial-meeting-offer"]).map((letter) => (
          <li key={letter}>
            <a className="govuk-link" href={localisePath(`/staff/letters/${letter}/render?meeting=${request.reference}`, lang)}>{t(`meetings.letters.${letter}`)}</a>
          </li>
        ))}
      </ul>

      {!meeting && canBook && ["NEW", "OFFERED", "CANCELLED"].includes(request.status) ? (
        <>
          {request.proposed.length ? (
            <>
              <h2 className="govuk-heading-m">{t("meetings.offeredHeading")}</h2>
              <ul className="govuk-list govuk-list--bullet" data-testid="proposed">
                {request.proposed.map((slot) => (
                  <li key={slot.id}>{slotLabel(slot)}</li>
                ))}
              </ul>
            </>
          ) : null}
          <h2 className="govuk-heading-m">{t("meetings.yourTimesHeading")}</h2>
          {openSlots.length || request.proposed.length ? (
            <>
              <form method="post" noValidate>
                <CsrfField />
                <CheckboxGroup
                  name="slotIds"
                  label={t("meetings.proposeLabel", { count: maxProposed })}
                  hint={t("meetings.proposeHint")}
                  error={failed("propose")?.error}
                  choices={openSlots.map((slot) => ({ value: slot.id, label: slotLabel(slot) }))}
                />
                <Button name="intent" value="propose">{t("meetings.propose")}</Button>
              </form>
              <form method="post" noValidate>
                <CsrfField />
                <RadioGroup
                  name="slotId"
                  label={t("meetings.bookSlotLabel")}
                  error={failed("book-slot")?.error}
                  choices={[...request.proposed, ...openSlots].map((slot) => ({ value: slot.id, label: slotLabel(slot) }))}
                />
                <Button name="intent" value="book-slot">{t("meetings.bookSlot")}</Button>
              </form>
            </>
          ) : (
            <p className="govuk-body">
              {t("meetings.noOpenSlots")}{" "}
              <a className="govuk-link" href={localisePath("/staff/meetings/slots", lang)}>{t("meetings.slotsTitle")}</a>
            </p>
          )}
          <form method="post" noValidate>
            <CsrfField />
            <h2 className="govuk-heading-m">{t("meetings.bookHeading")}</h2>
            <TimeFields typed={failed("book-time")?.typed} error={failed("book-time")?.error} field={failed("book-time")?.field} />
            <RadioGroup
              name="mode"
              label={t("meetings.mode")}
              defaultValue="IN_PERSON"
              choices={(["IN_PERSON", "VIDEO"] as const).map((mode) => ({ value: mode, label: t(`meetings.formatOptions.${mode}`) }))}
            />
            <Button name="intent" value="book-time">{t("meetings.book")}</Button>
          </form>
        </>
      ) : null}

      {canBook && (meeting || request.status === "HELD") ? <OutcomeSection outcome={request.outcome} failed={failed("outcome")} /> : null}

      {canBook && !["DECLINED", "HELD"].includes(request.status) ? (
        <form method="post">
          <CsrfField />
          <Button name="intent" value="declined" variant="secondary">{t("meetings.declined")}</Button>
        </form>
      ) : null}
    </>
  );
}
