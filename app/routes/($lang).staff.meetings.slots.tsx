// A VLO's available times: published here, then offered to a request (up to
// three at once) or booked straight in. The database refuses two of a VLO's
// open slots that overlap, buffers included.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField } from "~/components/auth/SignedIn.tsx";
import { TimeFields } from "~/components/meetings/TimeFields.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { RadioGroup } from "~/components/ui/Choices.tsx";
import { ErrorSummary } from "~/components/ui/ErrorSummary.tsx";
import { TextField } from "~/components/ui/TextField.tsx";
import { audit } from "~/features/audit/audit.server.ts";
import { requireCsrf, requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { signedInData } from "~/features/auth/session-route.server.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { langFromPath, localisePath } from "~/features/i18n/languages.ts";
import { listSlots, publishSlot, withdrawSlot } from "~/features/meetings/booking.server.ts";
import { DEFAULT_BUFFER_MINUTES } from "~/features/meetings/schema.ts";
import { meetingWhen } from "~/features/meetings/messages.server.ts";
import { readTime } from "~/features/meetings/time.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { titleFor } from "~/utils/meta.ts";
import { readForm } from "~/utils/read-form.server.ts";
import { isUuid } from "~/utils/ids.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "meetings.slotsTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const session = requireRole(await requireUser(request), "VLO");
  const lang = langFromPath(new URL(request.url).pathname);
  const slots = await listSlots(getDb(), session.user.id);
  return {
    ...signedInData(session),
    slots: slots.map((slot) => ({
      id: slot.id,
      when: meetingWhen(slot.startsAt, lang),
      minutes: Math.round((slot.endsAt.getTime() - slot.startsAt.getTime()) / 60_000),
      mode: slot.mode,
      location: slot.location,
      status: slot.status,
      reference: slot.request?.reference ?? null,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const session = requireRole(await requireUser(request), "VLO");
  const form = await readForm(request);
  requireCsrf(session, form);
  const db = getDb();
  const areaId = session.user.areaId;
  if (!areaId) throw new Response("Forbidden", { status: 403 });
  if (form.get("intent") === "withdraw") {
    const slotId = String(form.get("slotId") ?? "");
    if (!isUuid(slotId) || !(await withdrawSlot(db, session.user.id, slotId))) return data({ error: "meetings.errors.slotGone" }, { status: 409 });
    await audit(db, { actorId: session.user.id, action: "slot.withdrawn", targetType: "meeting_slot", targetId: slotId, areaId });
    return data({ withdrawn: true });
  }
  const time = readTime(form);
  const mode = form.get("mode") === "VIDEO" ? "VIDEO" : form.get("mode") === "IN_PERSON" ? "IN_PERSON" : null;
  const buffer = Number(form.get("buffer") ?? DEFAULT_BUFFER_MINUTES);
  const typed = { ...time.typed, mode: String(form.get("mode") ?? ""), buffer: String(form.get("buffer") ?? DEFAULT_BUFFER_MINUTES).slice(0, 5) };
  if (!time.ok) return data({ error: time.error, field: time.field, typed }, { status: 400 });
  if (!mode) return data({ error: "meetings.errors.mode", field: "mode", typed }, { status: 400 });
  if (!Number.isInteger(buffer) || buffer < 0 || buffer > 120) return data({ error: "meetings.errors.buffer", field: "buffer", typed }, { status: 400 });
  if (time.startsAt <= new Date()) return data({ error: "meetings.errors.past", field: "date", typed }, { status: 400 });
  const published = await publishSlot(db, { areaId, vloId: session.user.id, startsAt: time.startsAt, endsAt: time.endsAt, bufferMinutes: buffer, mode, location: time.room });
  if (!published.ok) return data({ error: published.reason === "overlap" ? "meetings.errors.slotOverlap" : "meetings.errors.booking", field: "date", typed }, { status: 409 });
  await audit(db, { actorId: session.user.id, action: "slot.published", targetType: "meeting_slot", targetId: published.slotId, areaId });
  return data({ published: true });
}

export default function Slots() {
  const t = useT();
  const lang = useLang();
  const { slots } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>() as { error?: string; field?: string; typed?: Record<string, string>; published?: boolean; withdrawn?: boolean } | undefined;
  const typed = posted?.error ? posted.typed : undefined;
  return (
    <>
      {posted?.error ? <ErrorSummary errors={[{ name: posted.field ?? "date", key: posted.error }]} /> : null}
      {posted?.published ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="status">
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{t("meetings.slotPublished")}</p>
          </div>
        </div>
      ) : null}
      <h1 className="govuk-heading-l">{t("meetings.slotsTitle")}</h1>
      {slots.length ? (
        <table className="govuk-table" data-testid="slots">
          <caption className="govuk-table__caption govuk-table__caption--m">{t("meetings.yourSlots")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("meetings.when")}</th>
              <th scope="col" className="govuk-table__header">{t("meetings.length")}</th>
              <th scope="col" className="govuk-table__header">{t("meetings.where")}</th>
              <th scope="col" className="govuk-table__header">{t("meetings.status")}</th>
              <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">{t("meetings.withdraw")}</span></th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {slots.map((slot) => (
              <tr key={slot.id} className="govuk-table__row">
                <td className="govuk-table__cell">{slot.when}</td>
                <td className="govuk-table__cell">{slot.minutes}</td>
                <td className="govuk-table__cell">{slot.mode === "VIDEO" ? t("meetings.formatOptions.VIDEO") : (slot.location ?? t("meetings.formatOptions.IN_PERSON"))}</td>
                <td className="govuk-table__cell">
                  {t(`meetings.slotStatuses.${slot.status}`)}
                  {slot.reference ? (
                    <>
                      {" "}
                      <a className="govuk-link" href={localisePath(`/staff/meetings/${slot.reference}`, lang)}>{slot.reference}</a>
                    </>
                  ) : null}
                </td>
                <td className="govuk-table__cell">
                  {slot.status === "OPEN" ? (
                    <form method="post">
                      <CsrfField />
                      <input type="hidden" name="slotId" value={slot.id} />
                      <Button name="intent" value="withdraw" variant="secondary">
                        {t("meetings.withdraw")}
                        <span className="govuk-visually-hidden"> {slot.when}</span>
                      </Button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="govuk-body">{t("meetings.noSlots")}</p>
      )}
      <form method="post" noValidate>
        <CsrfField />
        <h2 className="govuk-heading-m">{t("meetings.publishHeading")}</h2>
        <TimeFields typed={typed} error={posted?.error} field={posted?.field} withRoom={false} />
        <TextField name="buffer" label={t("meetings.buffer")} width="3" inputMode="numeric" defaultValue={typed?.buffer ?? String(DEFAULT_BUFFER_MINUTES)} error={posted?.field === "buffer" ? posted.error : undefined} />
        <RadioGroup
          name="mode"
          label={t("meetings.mode")}
          defaultValue={typed?.mode ?? "IN_PERSON"}
          error={posted?.field === "mode" ? posted.error : undefined}
          choices={(["IN_PERSON", "VIDEO"] as const).map((mode) => ({ value: mode, label: t(`meetings.formatOptions.${mode}`) }))}
        />
        <TextField name="room" label={t("meetings.location")} width="20" defaultValue={typed?.room} error={posted?.field === "room" ? posted.error : undefined} />
        <Button name="intent" value="publish">{t("meetings.publish")}</Button>
      </form>
    </>
  );
}
