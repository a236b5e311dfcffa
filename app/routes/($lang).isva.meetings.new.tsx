// An ISVA asks for a pre-trial meeting for someone they support. The ISVA is
// sent the invite; the victim is contacted only in the ways they chose.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField } from "~/components/auth/SignedIn.tsx";
import { LanguageChoice, REQUEST_FIELDS, RequestFields } from "~/components/meetings/RequestFields.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { ErrorSummary, summaryErrors } from "~/components/ui/ErrorSummary.tsx";
import { requireCsrf, requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { pathFor, signedInData } from "~/features/auth/session-route.server.ts";
import { useT } from "~/features/i18n/i18n.ts";
import { langFromPath } from "~/features/i18n/languages.ts";
import { submitRequestForm } from "~/features/meetings/form.server.ts";
import { formChoices } from "~/features/queries/form.server.ts";
import { loadReferenceData } from "~/features/routing/reference.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { titleFor } from "~/utils/meta.ts";
import { publicOrigin } from "~/utils/origin.server.ts";
import { readForm } from "~/utils/read-form.server.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "meetings.isvaFormTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const session = requireRole(await requireUser(request), "ISVA");
  const choices = formChoices(await loadReferenceData(getDb()), langFromPath(new URL(request.url).pathname));
  return { ...signedInData(session), choices: { forces: choices.forces, boroughs: choices.boroughs, areas: choices.areas } };
}

export async function action({ request }: ActionFunctionArgs) {
  const session = requireRole(await requireUser(request), "ISVA");
  const form = await readForm(request);
  requireCsrf(session, form);
  const lang = form.get("language") === "cy" ? "cy" : "en";
  const result = await submitRequestForm(form, {
    lang,
    origin: publicOrigin(request),
    by: { kind: "ISVA", user: session.user },
    limit: { name: "meetingRequest", subject: session.user.id },
  });
  if (!result.ok) return data({ errors: result.errors, typed: result.typed }, { status: result.status });
  return redirect(pathFor(request, `/isva/meetings?sent=${result.reference}`));
}

export default function IsvaMeetingRequest() {
  const t = useT();
  const { choices } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const errors = posted?.errors ?? {};
  return (
    <>
      <ErrorSummary errors={summaryErrors(errors, [...REQUEST_FIELDS])} />
      <h1 className="govuk-heading-l">{t("meetings.isvaFormTitle")}</h1>
      <p className="govuk-body">{t("meetings.isvaFormIntro")}</p>
      <form method="post" noValidate>
        <CsrfField />
        <RequestFields choices={choices} errors={errors} typed={posted?.typed} behalf askIsvaEmail={false} />
        <LanguageChoice typed={posted?.typed} />
        <Button>{t("meetings.send")}</Button>
      </form>
    </>
  );
}
