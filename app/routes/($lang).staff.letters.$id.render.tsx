// Area staff and VLOs make the current approved letter for a case. Nothing
// typed here is stored: the letter is made on each request.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField } from "~/components/auth/SignedIn.tsx";
import { MadeLetter, PlaceholderFields } from "~/components/letters/RenderParts.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { CheckboxGroup, RadioGroup } from "~/components/ui/Choices.tsx";
import { ErrorSummary } from "~/components/ui/ErrorSummary.tsx";
import { TextField } from "~/components/ui/TextField.tsx";
import { requireCsrf, requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { signedInData } from "~/features/auth/session-route.server.ts";
import { todayInLondon } from "~/features/dates/dates.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { requireTemplateId } from "~/features/letters/access.server.ts";
import { DETAILS_MISSING, letterDetailsSet } from "~/features/letters/area-details.ts";
import { approvedVersion, metaOf } from "~/features/letters/letters.server.ts";
import { actOnRender, type RenderPosted } from "~/features/letters/render-action.server.ts";
import { meetingLetterValues } from "~/features/meetings/requests.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { titleFor } from "~/utils/meta.ts";
import { readForm } from "~/utils/read-form.server.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "letters.renderTitle");

async function load(request: Request, idParam: string | undefined) {
  const session = requireRole(await requireUser(request), "AREA_STAFF", "VLO");
  const version = await approvedVersion(getDb(), requireTemplateId(idParam));
  if (!version) throw new Response("Not found", { status: 404 });
  return { session, version };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session, version } = await load(request, params.id);
  const meeting = new URL(request.url).searchParams.get("meeting");
  const area = session.user.areaId ? await getDb().area.findUnique({ where: { id: session.user.areaId }, select: { letterAddressEn: true, letterPhone: true } }) : null;
  return {
    ...signedInData(session),
    id: version.templateId,
    name: { en: version.nameEn, cy: version.nameCy },
    number: version.number,
    placeholders: metaOf(version).placeholders,
    // Sent back from the PDF download because its values no longer make the letter.
    pdfProblem: new URL(request.url).searchParams.get("problem") === "pdf",
    // Letters print the Area's address and phone number under its name once an administrator sets them.
    details: letterDetailsSet(area),
    defaults: {
      letter_date: todayInLondon(),
      contact_name: session.user.name,
      // From a pre-trial meeting request of the user's own Area (its reference is in the address, nothing personal).
      ...(meeting ? await meetingLetterValues(getDb(), session.user, meeting) : {}),
    } as Record<string, string>,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, version } = await load(request, params.id);
  const form = await readForm(request);
  requireCsrf(session, form);
  const { posted, status } = await actOnRender(getDb(), session.user, version, form);
  return data(posted, { status });
}

export default function RenderLetter() {
  const t = useT();
  const lang = useLang();
  const { name, placeholders, defaults, id, pdfProblem, details } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>() as RenderPosted | undefined;
  return (
    <>
      {posted?.error ? (
        <ErrorSummary errors={[{ name: posted.field ?? "language", key: posted.error }]} />
      ) : pdfProblem && !posted ? (
        <ErrorSummary errors={[{ name: "language", key: "letters.errors.pdf" }]} />
      ) : null}
      <span className="govuk-caption-l">{name[lang]}</span>
      <h1 className="govuk-heading-l">{t("letters.renderTitle")}</h1>
      <p className="govuk-body">{t("letters.renderIntro")}</p>
      {details === "addressAndPhone" ? null : <div className="govuk-inset-text">{t(DETAILS_MISSING[details])}</div>}
      {posted?.problems ? (
        <ul className="govuk-list govuk-error-message" data-testid="render-problems">
          {posted.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      {posted?.sent ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="status">
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{t("letters.sent")}</p>
          </div>
        </div>
      ) : null}
      <form method="post" noValidate>
        <CsrfField />
        <RadioGroup
          name="language"
          label={t("letters.language")}
          defaultValue={posted?.lang ?? lang}
          choices={[
            { value: "en", label: t("letters.english") },
            { value: "cy", label: t("letters.welsh") },
          ]}
        />
        <h2 className="govuk-heading-m">{t("letters.placeholders")}</h2>
        <PlaceholderFields placeholders={placeholders} defaults={defaults} posted={posted} />
        <Button name="intent" value="preview" variant="secondary">{t("letters.renderPreview")}</Button>
        <h2 className="govuk-heading-m">{t("letters.sendEmail")}</h2>
        <TextField name="sendTo" label={t("letters.sendTo")} type="email" spellCheck={false} autoComplete="off" defaultValue={posted?.sendTo ?? ""} />
        <CheckboxGroup name="safe" label={t("letters.sendEmail")} choices={[{ value: "yes", label: t("letters.safeConfirm") }]} />
        <Button name="intent" value="send" variant="secondary">{t("letters.sendEmail")}</Button>
      </form>
      {posted?.html ? <MadeLetter id={id} posted={{ ...posted, html: posted.html }} /> : null}
    </>
  );
}
