// Article: a content page's opening (the guide it belongs to, its title and
// summary) and its titled sections, each a landmark named by its heading.
import type { Body } from "~/features/content/markup.ts";
import { Blocks } from "./Blocks.tsx";

type Props = {
  partOf: { label: string; href: string; title: string };
  title: string;
  summary: string;
  sections: Record<string, { heading: string; body: Body }>;
};

export function Article({ partOf, title, summary, sections }: Props) {
  return (
    <>
      <p className="govuk-body app-no-print">
        {partOf.label}{" "}
        <a className="govuk-link" href={partOf.href}>
          {partOf.title}
        </a>
      </p>
      <h1 className="govuk-heading-xl">{title}</h1>
      <p className="govuk-body-l">{summary}</p>
      {Object.entries(sections).map(([id, section]) => (
        <section key={id} className="app-stage-section" aria-labelledby={`section-${id}`}>
          <h2 className="govuk-heading-m" id={`section-${id}`}>
            {section.heading}
          </h2>
          <Blocks body={section.body} />
        </section>
      ))}
    </>
  );
}
