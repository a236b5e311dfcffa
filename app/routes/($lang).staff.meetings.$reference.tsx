// One meeting request: how the victim may (and may not) be contacted, their
// needs as an agenda, and what the VLO does with it: offer up to three of
// their published times, book a time, move or cancel a meeting with a reason,
// and record what happened. Nothing goes to a channel the victim ruled out.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField } from "~/components/auth/SignedIn.tsx";
import { BookedMeeting, BookingForms, OutcomeSection } from "~/components/meetings/RequestForms.tsx";
import { ContactAndAgenda, ToldBanner, type Posted } from "~/components/meetings/RequestParts.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { ErrorSummary } from "~/components/ui/ErrorSummary.tsx";
import { RelativeDay } from "~/components/ui/RelativeDay.tsx";
import { requireCsrf, requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { signedInData } from "~/features/auth/session-route.server.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { langFromPath, localisePath } from "~/features/i18n/languages.ts";
import { actOnRequest } from "~/features/meetings/request-actions.server.ts";
import { staffRequestView } from "~/features/meetings/request-view.server.ts";
import { isMeetingReference } from "~/features/meetings/requests.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { titleFor } from "~/utils/meta.ts";
import { publicOrigin } from "~/utils/origin.server.ts";
import { readForm } from "~/utils/read-form.server.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "titles.meetingRequest");

function requireReference(value: string | undefined) {
  if (!isMeetingReference(value)) throw new Response("Not found", { status: 404 });
  return value;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = requireRole(await requireUser(request), "VLO", "AREA_STAFF");
  const view = await staffRequestView(getDb(), session.user, requireReference(params.reference), langFromPath(new URL(request.url).pathname));
  if (!view) throw new Response("Not found", { status: 404 });
  return { ...signedInData(session), ...view };
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Area staff may read a request; only VLOs act on it.
  const session = requireRole(await requireUser(request), "VLO");
  const form = await readForm(request);
  requireCsrf(session, form);
  const { posted, status } = await actOnRequest(getDb(), session.user, requireReference(params.reference), form, publicOrigin(request));
  return data<Posted>(posted, { status });
}

export default function MeetingRequestPage() {
  const t = useT();
  const lang = useLang();
  const { request, canBook, openSlots, maxProposed } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>() as Posted | undefined;
  const failed = (intent: string) => (posted?.error && posted.intent === intent ? posted : undefined);
  const meeting = request.meetings[0];
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
        <BookingForms proposed={request.proposed} openSlots={openSlots} maxProposed={maxProposed} failed={failed} />
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
