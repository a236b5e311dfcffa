// Previous and next steps, as GOV.UK's pagination with titles.
import { localisePath, type Lang } from "~/features/i18n/languages.ts";

type Neighbour = { id: string; title: string } | undefined;

export function StagePager({ lang, previous, next, steps }: {
  lang: Lang;
  previous: Neighbour;
  next: Neighbour;
  steps: { previous: string; next: string; label: string };
}) {
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label={steps.label}>
      {previous ? (
        <div className="govuk-pagination__prev">
          <a className="govuk-link govuk-pagination__link" href={localisePath(`/walkthrough/${previous.id}`, lang)} rel="prev">
            <span className="govuk-pagination__link-title">{steps.previous}</span>
            <span className="govuk-visually-hidden">:</span>
            <span className="govuk-pagination__link-label">{previous.title}</span>
          </a>
        </div>
      ) : null}
      {next ? (
        <div className="govuk-pagination__next">
          <a className="govuk-link govuk-pagination__link" href={localisePath(`/walkthrough/${next.id}`, lang)} rel="next">
            <span className="govuk-pagination__link-title">{steps.next}</span>
            <span className="govuk-visually-hidden">:</span>
            <span className="govuk-pagination__link-label">{next.title}</span>
          </a>
        </div>
      ) : null}
    </nav>
  );
}
