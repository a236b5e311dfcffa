// A victim asks for a pre-trial meeting: no account, no cookie. How they may
// be contacted comes first, and is obeyed by every later message.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { REQUEST_FIELDS, RequestFields } from "~/components/meetings/RequestFields.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { ErrorSummary, summaryErrors } from "~/components/ui/ErrorSummary.tsx";
import { useT } from "~/features/i18n/i18n.ts";
import { submitRequestForm } from "~/features/meetings/form.server.ts";
import { formChoices } from "~/features/queries/form.server.ts";
import { loadReferenceData } from "~/features/routing/reference.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { publicHeaders, requireLang } from "~/utils/http.server.ts";
import { titleFor } from "~/utils/meta.ts";
import { publicOrigin } from "~/utils/origin.server.ts";
import { readForm } from "~/utils/read-form.server.ts";

export const headers = publicHeaders;
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "meetings.formTitle");

export async function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLang(params.lang);
  const choices = formChoices(await loadReferenceData(getDb()), lang);
  return { choices: { forces: choices.forces, boroughs: choices.boroughs, areas: choices.areas } };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLang(params.lang);
  const form = await readForm(request);
  const noStore = { "Cache-Control": "no-store" };
  const result = await submitRequestForm(form, { lang, origin: publicOrigin(request), by: { kind: "VICTIM" }, limit: { name: "publicForm", subject: context.clientAddress } });
  if (!result.ok) return data({ errors: result.errors, typed: result.typed }, { status: result.status, headers: noStore });
  return data({ sent: { reference: result.reference, area: result.area[lang] } }, { headers: noStore });
}

type Posted = { errors?: Record<string, string[] | null>; typed?: Record<string, string[]>; sent?: { reference: string; area: string } };

export default function MeetingRequest() {
  const t = useT();
  const { choices } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>() as Posted | undefined;
  if (posted?.sent) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <div className="govuk-panel govuk-panel--confirmation" data-testid="meeting-sent">
            <h1 className="govuk-panel__title">{t("meetings.sentTitle")}</h1>
            <div className="govuk-panel__body">
              {t("meetings.sentReference")}
              <br />
              <strong>{posted.sent.reference}</strong>
            </div>
          </div>
          <p className="govuk-body">{t("meetings.sentBody")}</p>
        </div>
      </div>
    );
  }
  const errors = posted?.errors ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summaryErrors(errors as Record<string, string[] | null>, [...REQUEST_FIELDS])} />
        <h1 className="govuk-heading-l">{t("meetings.formTitle")}</h1>
        <p className="govuk-body">{t("meetings.formIntro")}</p>
        <form method="post" noValidate>
          <RequestFields choices={choices} errors={errors} typed={posted?.typed} />
          <Button>{t("meetings.send")}</Button>
        </form>
      </div>
    </div>
  );
}
