// A VLO records a meeting request made by phone, with the victim's safe-contact
// choices and needs as they gave them. It is routed like any other request.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField } from "~/components/auth/SignedIn.tsx";
import { LanguageChoice, REQUEST_FIELDS, RequestFields } from "~/components/meetings/RequestFields.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { ErrorSummary, summaryErrors } from "~/components/ui/ErrorSummary.tsx";
import { requireCsrf, requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { signedInData } from "~/features/auth/session-route.server.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { langFromPath, localisePath } from "~/features/i18n/languages.ts";
import { submitRequestForm } from "~/features/meetings/form.server.ts";
import { formChoices } from "~/features/queries/form.server.ts";
import { loadReferenceData } from "~/features/routing/reference.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { titleFor } from "~/utils/meta.ts";
import { publicOrigin } from "~/utils/origin.server.ts";
import { readForm } from "~/utils/read-form.server.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "meetings.phoneFormTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const session = requireRole(await requireUser(request), "VLO");
  const choices = formChoices(await loadReferenceData(getDb()), langFromPath(new URL(request.url).pathname));
  return { ...signedInData(session), choices: { forces: choices.forces, boroughs: choices.boroughs, areas: choices.areas } };
}

export async function action({ request }: ActionFunctionArgs) {
  const session = requireRole(await requireUser(request), "VLO");
  const form = await readForm(request);
  requireCsrf(session, form);
  const lang = langFromPath(new URL(request.url).pathname);
  const result = await submitRequestForm(form, {
    lang: form.get("language") === "cy" ? "cy" : "en",
    origin: publicOrigin(request),
    by: { kind: "VLO", user: session.user },
    limit: { name: "meetingRequest", subject: session.user.id },
  });
  if (!result.ok) return data({ errors: result.errors, typed: result.typed }, { status: result.status });
  // A request for another Area goes there: this VLO cannot open it.
  return data({ sent: { reference: result.reference, area: result.area[lang], ours: result.area.id === session.user.areaId } });
}

export default function RecordPhoneRequest() {
  const t = useT();
  const lang = useLang();
  const { choices } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  if (posted && "sent" in posted) {
    return (
      <>
        <div className="govuk-panel govuk-panel--confirmation" data-testid="meeting-sent">
          <h1 className="govuk-panel__title">{t("meetings.recorded")}</h1>
          <div className="govuk-panel__body">
            <strong>{posted.sent.reference}</strong>
          </div>
        </div>
        {posted.sent.ours ? (
          <p className="govuk-body">
            <a className="govuk-link" href={localisePath(`/staff/meetings/${posted.sent.reference}`, lang)}>{t("meetings.openRequest")}</a>
          </p>
        ) : (
          <p className="govuk-body">{t("meetings.sentToOtherArea", { area: posted.sent.area })}</p>
        )}
      </>
    );
  }
  const errors = posted?.errors ?? {};
  return (
    <>
      <ErrorSummary errors={summaryErrors(errors, [...REQUEST_FIELDS])} />
      <h1 className="govuk-heading-l">{t("meetings.phoneFormTitle")}</h1>
      <p className="govuk-body">{t("meetings.phoneFormIntro")}</p>
      <form method="post" noValidate>
        <CsrfField />
        <RequestFields choices={choices} errors={errors} typed={posted?.typed} behalf />
        <LanguageChoice typed={posted?.typed} />
        <Button>{t("meetings.record")}</Button>
      </form>
    </>
  );
}
