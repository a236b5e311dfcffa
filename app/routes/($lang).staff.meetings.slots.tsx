// A VLO's available times: published here, then offered to a request (up to
// three at once) or booked straight in. The database refuses two of a VLO's
// open slots that overlap, buffers included.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField } from "~/components/auth/SignedIn.tsx";
import { SlotTable } from "~/components/meetings/SlotTable.tsx";
import { TimeFields } from "~/components/meetings/TimeFields.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { RadioGroup } from "~/components/ui/Choices.tsx";
import { ErrorSummary } from "~/components/ui/ErrorSummary.tsx";
import { TextField } from "~/components/ui/TextField.tsx";
import { requireCsrf, requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { signedInData } from "~/features/auth/session-route.server.ts";
import { useT } from "~/features/i18n/i18n.ts";
import { langFromPath } from "~/features/i18n/languages.ts";
import { listSlots } from "~/features/meetings/booking.server.ts";
import { meetingWhen } from "~/features/meetings/messages.server.ts";
import { DEFAULT_BUFFER_MINUTES } from "~/features/meetings/schema.ts";
import { actOnSlots, type SlotPosted } from "~/features/meetings/slot-actions.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { titleFor } from "~/utils/meta.ts";
import { readForm } from "~/utils/read-form.server.ts";

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
  const { posted, status } = await actOnSlots(getDb(), session.user, form);
  return data(posted, { status });
}

export default function Slots() {
  const t = useT();
  const { slots } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>() as SlotPosted | undefined;
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
      {slots.length ? <SlotTable slots={slots} /> : <p className="govuk-body">{t("meetings.noSlots")}</p>}
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
