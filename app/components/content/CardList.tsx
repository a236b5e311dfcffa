// CardList: links to pages with a one-line summary under each, as cards.
export type Card = { href: string; title: string; summary: string };

export function CardList({ cards, level = 2 }: { cards: Card[]; level?: 2 | 3 }) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <ul className="app-card-list">
      {cards.map((card) => (
        <li key={card.href} className="app-card">
          <Heading className="govuk-heading-s govuk-!-margin-bottom-1">
            <a className="govuk-link" href={card.href}>
              {card.title}
            </a>
          </Heading>
          <p className="govuk-body">{card.summary}</p>
        </li>
      ))}
    </ul>
  );
}
