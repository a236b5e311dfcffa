// One version of a letter: editing (its author, while a draft), the checks,
// previews with every example in both languages, and the review steps.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { LetterPreview } from "~/components/letters/LetterPreview.tsx";
import { DraftForm, ReviewForms, VersionChecks } from "~/components/letters/VersionForms.tsx";
import { ErrorSummary } from "~/components/ui/ErrorSummary.tsx";
import { requireCsrf } from "~/features/auth/guards.server.ts";
import { pathFor, signedInData } from "~/features/auth/session-route.server.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { localisePath } from "~/features/i18n/languages.ts";
import { requireEditor, requireNumber, requireTemplateId } from "~/features/letters/access.server.ts";
import { getVersion, metaOf, versionChecks, versionProblems } from "~/features/letters/letters.server.ts";
import { actOnVersion } from "~/features/letters/version-actions.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { MAX_LETTER_BODY } from "~/utils/limits.ts";
import { titleFor } from "~/utils/meta.ts";
import { readForm } from "~/utils/read-form.server.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "titles.letterVersion");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requireEditor(request);
  const id = requireTemplateId(params.id);
  const version = await getVersion(getDb(), id, requireNumber(params.number));
  if (!version) throw new Response("Not found", { status: 404 });
  return {
    ...signedInData(session),
    id,
    version: {
      number: version.number,
      status: version.status,
      name: { en: version.nameEn, cy: version.nameCy },
      bodyEn: version.bodyEn,
      bodyCy: version.bodyCy,
      mine: version.authorId === session.user.id,
    },
    letterMeta: metaOf(version),
    checks: versionChecks(version),
    problems: versionProblems(version).map((problem) => problem.message),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const session = await requireEditor(request);
  const form = await readForm(request);
  requireCsrf(session, form);
  const id = requireTemplateId(params.id);
  const number = requireNumber(params.number);
  const refusal = await actOnVersion(getDb(), session.user, id, number, form);
  if (refusal) return data(refusal, { status: 400 });
  return redirect(pathFor(request, `/staff/letters/${id}/v/${number}`));
}

export default function LetterVersion() {
  const t = useT();
  const lang = useLang();
  const { id, version, letterMeta, checks, problems } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const editable = version.status === "DRAFT" && version.mine;
  const [bodies, setBodies] = useState({ en: posted?.typed.bodyEn || version.bodyEn, cy: posted?.typed.bodyCy || version.bodyCy });
  const fieldError = (field: string) => (posted?.field === field ? posted.error : undefined);

  return (
    <>
      {posted?.error ? <ErrorSummary errors={[{ name: posted.field, key: posted.error }]} /> : null}
      <span className="govuk-caption-l">
        <a className="govuk-link" href={localisePath(`/staff/letters/${id}`, lang)}>{version.name[lang]}</a>
      </span>
      <h1 className="govuk-heading-l">
        {t("letters.version", { number: version.number })}: {t(`letters.status.${version.status}`)}
      </h1>
      <VersionChecks checks={checks} problems={problems} />
      {editable ? (
        <DraftForm bodies={bodies} onChange={(language, text) => setBodies((now) => ({ ...now, [language]: text }))} maxBody={MAX_LETTER_BODY} fieldError={fieldError} />
      ) : null}
      <ReviewForms
        canApprove={version.status === "IN_REVIEW" && !version.mine}
        canRetire={version.status !== "RETIRED"}
        failing={checks.some((check) => !check.ok)}
        overrideReason={posted?.typed.overrideReason}
        error={fieldError("overrideReason")}
      />
      <h2 className="govuk-heading-m">{t("letters.preview")}</h2>
      <LetterPreview meta={letterMeta} en={editable ? bodies.en : version.bodyEn} cy={editable ? bodies.cy : version.bodyCy} />
    </>
  );
}
