// One meeting request: how the victim may (and may not) be contacted, their
// needs as an agenda, and booking. Nothing goes to a channel they ruled out.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField, SignedInBar } from "~/components/auth/SignedIn.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { ErrorSummary } from "~/components/ui/ErrorSummary.tsx";
import { TextField } from "~/components/ui/TextField.tsx";
import { hasRole, requireCsrf, requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { signedInData } from "~/features/auth/session-route.server.ts";
import { useT } from "~/features/i18n/i18n.ts";
import { bookRequest, isMeetingReference, staffMeetingRequest } from "~/features/meetings/requests.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { titleMeta } from "~/utils/meta.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleMeta(matches, undefined);

function requireReference(value: string | undefined) {
  if (!isMeetingReference(value)) throw new Response("Not found", { status: 404 });
  return value;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = requireRole(await requireUser(request), "VLO", "AREA_STAFF");
  const found = await staffMeetingRequest(getDb(), session.user, requireReference(params.reference));
  if (!found) throw new Response("Not found", { status: 404 });
  return {
    ...signedInData(session),
    canBook: hasRole(session.user, "VLO"),
    request: {
      reference: found.reference,
      status: found.status,
      contact: found.contact,
      needs: found.needs,
      safe: { email: found.safeEmail, phone: found.safePhone, voicemail: found.safeVoicemail, text: found.safeText, onlyViaIsva: found.onlyViaIsva },
      plan: found.plan,
      meetings: found.meetings.map((m) => ({ id: m.id, startsAt: m.startsAt.toISOString(), room: m.room })),
    },
  };
}

/** "2027-03-01" and "10:30" in London time, as a Date. */
function londonTime(day: string, time: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^\d{1,2}:\d{2}$/.test(time)) return null;
  const naive = new Date(`${day}T${time.padStart(5, "0")}:00Z`);
  if (Number.isNaN(naive.getTime())) return null;
  // The offset of London at that moment (0 or 60 minutes).
  const london = new Date(naive.toLocaleString("en-US", { timeZone: "Europe/London" }));
  const utc = new Date(naive.toLocaleString("en-US", { timeZone: "UTC" }));
  return new Date(naive.getTime() - (london.getTime() - utc.getTime()));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const session = requireRole(await requireUser(request), "VLO");
  const form = await request.formData();
  requireCsrf(session, form);
  const reference = requireReference(params.reference);
  const typed = { date: String(form.get("date") ?? "").trim(), start: String(form.get("start") ?? "").trim(), length: String(form.get("length") ?? "60").trim(), room: String(form.get("room") ?? "").trim().slice(0, 60) };
  const startsAt = londonTime(typed.date, typed.start);
  const minutes = Number(typed.length);
  if (!startsAt || !Number.isInteger(minutes) || minutes < 15 || minutes > 240) return data({ error: "meetings.errors.booking", typed }, { status: 400 });
  const outcome = await bookRequest(getDb(), session.user, reference, { startsAt, endsAt: new Date(startsAt.getTime() + minutes * 60_000), room: typed.room || null });
  if (!outcome.ok) {
    if (outcome.reason === "notFound") throw new Response("Not found", { status: 404 });
    return data({ error: outcome.reason === "overlap" ? "meetings.errors.overlap" : "meetings.errors.booking", typed }, { status: 409 });
  }
  return data({ booked: outcome, typed });
}

export default function MeetingRequestPage() {
  const t = useT();
  const { request, canBook } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>() as
    | { error?: string; typed: Record<string, string>; booked?: { when: string; emailed: boolean; prompt: string | null; phone?: string } }
    | undefined;
  const ways = (["email", "phone", "voicemail", "text"] as const).filter((way) => request.safe[way]).map((way) => t(`meetings.channelOptions.${way}`));
  return (
    <>
      <SignedInBar />
      {posted?.error ? <ErrorSummary errors={[{ name: "date", key: posted.error }]} /> : null}
      <h1 className="govuk-heading-l">{request.reference}</h1>
      {posted?.booked ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="status" data-testid="booked">
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{t("meetings.booked", { when: posted.booked.when })}</p>
            <p className="govuk-body">
              {posted.booked.emailed
                ? t("meetings.emailed")
                : posted.booked.prompt === "phone"
                  ? t("meetings.phoneNow", { phone: posted.booked.phone ?? "" })
                  : t("meetings.doNotContact")}
            </p>
          </div>
        </div>
      ) : null}
      <h2 className="govuk-heading-m">{t("meetings.contactHeading")}</h2>
      {!request.plan.emailVictim ? (
        <div className="govuk-warning-text" data-testid="contact-warning">
          <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
          <strong className="govuk-warning-text__text">{request.plan.prompt === "isva" ? t("meetings.doNotContact") : t("meetings.doNotEmail")}</strong>
        </div>
      ) : null}
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("meetings.calledName")}</dt>
          <dd className="govuk-summary-list__value">{request.contact.name}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("meetings.safeWays")}</dt>
          <dd className="govuk-summary-list__value">{request.safe.onlyViaIsva ? t("meetings.onlyViaIsvaLabel") : ways.join(", ")}</dd>
        </div>
        {request.contact.phone ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("meetings.phone")}</dt>
            <dd className="govuk-summary-list__value">{request.contact.phone}</dd>
          </div>
        ) : null}
        {request.safe.email && request.contact.email ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("meetings.email")}</dt>
            <dd className="govuk-summary-list__value">{request.contact.email}</dd>
          </div>
        ) : null}
        {request.contact.times ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("meetings.times")}</dt>
            <dd className="govuk-summary-list__value">{request.contact.times}</dd>
          </div>
        ) : null}
        {request.contact.askFor ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("meetings.askFor")}</dt>
            <dd className="govuk-summary-list__value">{request.contact.askFor}</dd>
          </div>
        ) : null}
      </dl>
      <h2 className="govuk-heading-m">{t("meetings.agenda")}</h2>
      <ul className="govuk-list govuk-list--bullet" data-testid="agenda">
        <li>{t(`meetings.formatOptions.${request.needs.format}`)}</li>
        {request.needs.interpreter ? <li>{t("meetings.interpreter")}: {request.needs.interpreter}</li> : null}
        {request.needs.access ? <li>{request.needs.access}</li> : null}
        {request.needs.supporter ? <li>{t("meetings.supporterLabel")}</li> : null}
        {request.needs.topics.map((topic) => (
          <li key={topic}>{t(`meetings.topicOptions.${topic}`)}</li>
        ))}
      </ul>
      {canBook ? (
        <form method="post" noValidate>
          <CsrfField />
          <h2 className="govuk-heading-m">{t("meetings.bookHeading")}</h2>
          <TextField name="date" label={t("meetings.date")} width="10" defaultValue={posted?.typed.date} error={posted?.error === "meetings.errors.booking" ? posted.error : undefined} />
          <TextField name="start" label={t("meetings.start")} width="5" defaultValue={posted?.typed.start} />
          <TextField name="length" label={t("meetings.length")} width="3" inputMode="numeric" defaultValue={posted?.typed.length ?? "60"} />
          <TextField name="room" label={t("meetings.room")} width="20" defaultValue={posted?.typed.room} />
          <Button>{t("meetings.book")}</Button>
        </form>
      ) : null}
    </>
  );
}
