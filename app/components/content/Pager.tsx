// Previous and next pages of a guide, as GOV.UK's pagination with titles.
type Neighbour = { href: string; title: string } | undefined;

export function Pager({ previous, next, labels }: {
  previous: Neighbour;
  next: Neighbour;
  labels: { previous: string; next: string; nav: string };
}) {
  return (
    <nav className="govuk-pagination govuk-pagination--block app-no-print" aria-label={labels.nav}>
      {previous ? (
        <div className="govuk-pagination__prev">
          <a className="govuk-link govuk-pagination__link" href={previous.href} rel="prev">
            <span className="govuk-pagination__link-title">{labels.previous}</span>
            <span className="govuk-visually-hidden">:</span>
            <span className="govuk-pagination__link-label">{previous.title}</span>
          </a>
        </div>
      ) : null}
      {next ? (
        <div className="govuk-pagination__next">
          <a className="govuk-link govuk-pagination__link" href={next.href} rel="next">
            <span className="govuk-pagination__link-title">{labels.next}</span>
            <span className="govuk-visually-hidden">:</span>
            <span className="govuk-pagination__link-label">{next.title}</span>
          </a>
        </div>
      ) : null}
    </nav>
  );
}
