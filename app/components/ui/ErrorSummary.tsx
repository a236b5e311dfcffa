// ErrorSummary: GOV.UK's error summary. It takes focus when it appears (so
// screen readers announce it and keyboard users start there) and links to each
// field in error.
// Accessibility: role="alert" with a heading; each link moves focus to its
// field; tabIndex -1 lets it receive focus without joining the tab order.
import { useEffect, useRef } from "react";
import { useT } from "~/features/i18n/i18n.ts";
import { fieldId } from "./Field.tsx";

export type SummaryError = { name: string; key: string };

export function ErrorSummary({ errors }: { errors: SummaryError[] }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((e) => `${e.name}:${e.key}`).join("|");

  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);

  if (!errors.length) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1} role="alert">
      <h2 className="govuk-error-summary__title">{t("errors.summaryTitle")}</h2>
      <div className="govuk-error-summary__body">
        <ul className="govuk-list govuk-error-summary__list">
          {errors.map((error) => {
            const [message, json] = error.key.split("|");
            return (
              <li key={error.name}>
                <a href={`#${fieldId(error.name)}`}>{t(message!, json ? JSON.parse(json) : undefined) as string}</a>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}

/** The errors of a conform submission result, in the order of the form's fields. */
export function summaryErrors(error: Record<string, string[] | null> | null | undefined, order: string[]): SummaryError[] {
  if (!error) return [];
  return order.flatMap((name) => {
    const key = error[name]?.[0];
    return key ? [{ name, key }] : [];
  });
}
