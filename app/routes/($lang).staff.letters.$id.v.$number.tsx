// One version of a letter: editing (its author, while a draft), the checks,
// previews with every example in both languages, and the review steps.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { CsrfField } from "~/components/auth/SignedIn.tsx";
import { LetterPreview } from "~/components/letters/LetterPreview.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { ErrorSummary } from "~/components/ui/ErrorSummary.tsx";
import { ErrorMessage, groupClass } from "~/components/ui/Field.tsx";
import { TextField } from "~/components/ui/TextField.tsx";
import { requireCsrf } from "~/features/auth/guards.server.ts";
import { pathFor, signedInData } from "~/features/auth/session-route.server.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { localisePath } from "~/features/i18n/languages.ts";
import { requireEditor, requireNumber, requireTemplateId } from "~/features/letters/access.server.ts";
import {
  approveVersion,
  getVersion,
  LetterWorkflowError,
  metaOf,
  retireVersion,
  saveDraft,
  submitForReview,
  versionChecks,
  versionProblems,
} from "~/features/letters/letters.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { tooLong } from "~/utils/limits.ts";
import { titleFor } from "~/utils/meta.ts";
import { readForm } from "~/utils/read-form.server.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "titles.letterVersion");

const MAX_BODY = 20_000;
const MAX_OVERRIDE_REASON = 1000;

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
      checksOverride: version.checksOverride,
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
  const db = getDb();
  // What was typed comes back with any refusal, whole, so nothing is lost.
  const typed = { bodyEn: String(form.get("bodyEn") ?? ""), bodyCy: String(form.get("bodyCy") ?? ""), overrideReason: String(form.get("overrideReason") ?? "") };
  const refuse = (field: keyof typeof typed, error: string) => data({ error, field, typed }, { status: 400 });
  try {
    switch (form.get("intent")) {
      case "save":
      case "submit": {
        if (typed.bodyEn.length > MAX_BODY) return refuse("bodyEn", "letters.errors.tooLong");
        if (typed.bodyCy.length > MAX_BODY) return refuse("bodyCy", "letters.errors.tooLong");
        await saveDraft(db, session.user, id, number, { en: typed.bodyEn, cy: typed.bodyCy });
        if (form.get("intent") === "submit") await submitForReview(db, session.user, id, number);
        break;
      }
      case "approve":
        if (typed.overrideReason.length > MAX_OVERRIDE_REASON) return refuse("overrideReason", tooLong(MAX_OVERRIDE_REASON));
        await approveVersion(db, session.user, id, number, typed.overrideReason);
        break;
      case "retire":
        await retireVersion(db, session.user, id, number);
        break;
      default:
        throw new Response("Bad request", { status: 400 });
    }
  } catch (error) {
    if (error instanceof LetterWorkflowError) return refuse(form.get("intent") === "approve" ? "overrideReason" : "bodyEn", error.key);
    throw error;
  }
  return redirect(pathFor(request, `/staff/letters/${id}/v/${number}`));
}

const bodyField = (language: "en" | "cy") => (language === "en" ? "bodyEn" : "bodyCy");

export default function LetterVersion() {
  const t = useT();
  const lang = useLang();
  const { id, version, letterMeta, checks, problems } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const editable = version.status === "DRAFT" && version.mine;
  const [en, setEn] = useState(posted?.typed.bodyEn || version.bodyEn);
  const [cy, setCy] = useState(posted?.typed.bodyCy || version.bodyCy);
  const fieldError = (field: string) => (posted?.field === field ? posted.error : undefined);
  const failing = checks.filter((check) => !check.ok);

  return (
    <>
      {posted?.error ? <ErrorSummary errors={[{ name: posted.field, key: posted.error }]} /> : null}
      <span className="govuk-caption-l">
        <a className="govuk-link" href={localisePath(`/staff/letters/${id}`, lang)}>{version.name[lang]}</a>
      </span>
      <h1 className="govuk-heading-l">
        {t("letters.version", { number: version.number })}: {t(`letters.status.${version.status}`)}
      </h1>

      <h2 className="govuk-heading-m">{t("letters.checks")}</h2>
      <dl className="govuk-summary-list" data-testid="letter-checks">
        {checks.map((check) => (
          <div key={check.id} className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t(`letters.checkNames.${check.id}`)}</dt>
            <dd className="govuk-summary-list__value">
              <strong className={`govuk-tag ${check.ok ? "govuk-tag--green" : "govuk-tag--red"}`}>{t(check.ok ? "letters.pass" : "letters.fail")}</strong> {check.detail}
            </dd>
          </div>
        ))}
      </dl>
      {problems.length ? (
        <div className="govuk-warning-text">
          <strong className="govuk-warning-text__text">
            {t("letters.problems")}
            <ul className="govuk-list">
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </strong>
        </div>
      ) : null}

      {editable ? (
        <form method="post" noValidate>
          <CsrfField />
          <div className="govuk-grid-row">
            {(["en", "cy"] as const).map((language) => (
              <div key={language} className="govuk-grid-column-one-half">
                <div className={groupClass(fieldError(bodyField(language)))}>
                  <label className="govuk-label govuk-label--s" htmlFor={`field-${bodyField(language)}`}>
                    {t(language === "en" ? "letters.bodyEn" : "letters.bodyCy")}
                  </label>
                  <div className="govuk-hint" id={`field-body-${language}-hint`}>
                    {t("letters.bodyHint")} {t("forms.maxLengthHint", { formatted: MAX_BODY.toLocaleString("en-GB") })}
                  </div>
                  <ErrorMessage id={`field-${bodyField(language)}-error`} text={fieldError(bodyField(language)) ? t(fieldError(bodyField(language))!) : undefined} />
                  <textarea
                    className={`govuk-textarea app-mail-body${fieldError(bodyField(language)) ? " govuk-textarea--error" : ""}`}
                    id={`field-${bodyField(language)}`}
                    name={bodyField(language)}
                    rows={24}
                    aria-describedby={fieldError(bodyField(language)) ? `field-${bodyField(language)}-error field-body-${language}-hint` : `field-body-${language}-hint`}
                    spellCheck
                    lang={language}
                    value={language === "en" ? en : cy}
                    onChange={(event) => (language === "en" ? setEn : setCy)(event.target.value)}
                  />
                </div>
              </div>
            ))}
          </div>
          <Button name="intent" value="save" variant="secondary">{t("letters.save")}</Button>{" "}
          <Button name="intent" value="submit">{t("letters.submit")}</Button>
        </form>
      ) : null}

      {version.status === "IN_REVIEW" && !version.mine ? (
        <form method="post" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="approve" />
          {failing.length ? (
            <TextField
              name="overrideReason"
              label={t("letters.overrideReason")}
              hint={t("letters.overrideHint")}
              defaultValue={posted?.typed.overrideReason}
              error={fieldError("overrideReason")}
            />
          ) : null}
          <Button>{t("letters.approve")}</Button>
        </form>
      ) : null}
      {version.status !== "RETIRED" ? (
        <form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="retire" />
          <Button variant="warning">{t("letters.retire")}</Button>
        </form>
      ) : null}

      <h2 className="govuk-heading-m">{t("letters.preview")}</h2>
      <LetterPreview meta={letterMeta} en={editable ? en : version.bodyEn} cy={editable ? cy : version.bodyCy} />
    </>
  );
}
