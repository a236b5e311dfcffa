// The parts of a letter version's page: its checks and problems, the author's
// editing form (both languages side by side), and the reviewer's approve and
// retire forms. Each is a plain form that works with JavaScript off.
import { CsrfField } from "~/components/auth/SignedIn.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { ErrorMessage, groupClass } from "~/components/ui/Field.tsx";
import { TextField } from "~/components/ui/TextField.tsx";
import { useT } from "~/features/i18n/i18n.ts";
import type { Check } from "~/features/letters/plain-english.ts";

export function VersionChecks({ checks, problems }: { checks: Check[]; problems: string[] }) {
  const t = useT();
  return (
    <>
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
    </>
  );
}

const bodyField = (language: "en" | "cy") => (language === "en" ? "bodyEn" : "bodyCy");

/** The author's draft in both languages; the texts are the page's, so the preview follows what is typed. */
export function DraftForm({
  bodies,
  onChange,
  maxBody,
  fieldError,
}: {
  bodies: { en: string; cy: string };
  onChange: (language: "en" | "cy", text: string) => void;
  maxBody: number;
  fieldError: (field: string) => string | undefined;
}) {
  const t = useT();
  return (
    <form method="post" noValidate>
      <CsrfField />
      <div className="govuk-grid-row">
        {(["en", "cy"] as const).map((language) => {
          const field = bodyField(language);
          const error = fieldError(field);
          const hintId = `field-body-${language}-hint`;
          return (
            <div key={language} className="govuk-grid-column-one-half">
              <div className={groupClass(error)}>
                <label className="govuk-label govuk-label--s" htmlFor={`field-${field}`}>
                  {t(language === "en" ? "letters.bodyEn" : "letters.bodyCy")}
                </label>
                <div className="govuk-hint" id={hintId}>
                  {t("letters.bodyHint")} {t("forms.maxLengthHint", { formatted: maxBody.toLocaleString("en-GB") })}
                </div>
                <ErrorMessage id={`field-${field}-error`} text={error ? t(error) : undefined} />
                <textarea
                  className={`govuk-textarea app-mail-body${error ? " govuk-textarea--error" : ""}`}
                  id={`field-${field}`}
                  name={field}
                  rows={24}
                  aria-describedby={error ? `field-${field}-error ${hintId}` : hintId}
                  spellCheck
                  lang={language}
                  value={bodies[language]}
                  onChange={(event) => onChange(language, event.target.value)}
                />
              </div>
            </div>
          );
        })}
      </div>
      <Button name="intent" value="save" variant="secondary">{t("letters.save")}</Button>{" "}
      <Button name="intent" value="submit">{t("letters.submit")}</Button>
    </form>
  );
}

/** Approve (a reviewer who is not the author; a reason is asked for when a check fails) and retire. */
export function ReviewForms({
  canApprove,
  canRetire,
  failing,
  overrideReason,
  error,
}: {
  canApprove: boolean;
  canRetire: boolean;
  failing: boolean;
  overrideReason?: string;
  error?: string;
}) {
  const t = useT();
  return (
    <>
      {canApprove ? (
        <form method="post" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="approve" />
          {failing ? <TextField name="overrideReason" label={t("letters.overrideReason")} hint={t("letters.overrideHint")} defaultValue={overrideReason} error={error} /> : null}
          <Button>{t("letters.approve")}</Button>
        </form>
      ) : null}
      {canRetire ? (
        <form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="retire" />
          <Button variant="warning">{t("letters.retire")}</Button>
        </form>
      ) : null}
    </>
  );
}
