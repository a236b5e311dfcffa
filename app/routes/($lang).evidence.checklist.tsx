// "Questions to ask the police about my phone and records", printable.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Blocks } from "~/components/content/Blocks.tsx";
import { GlossaryData } from "~/components/content/GlossaryData.tsx";
import { PrintButton } from "~/components/content/PrintButton.tsx";
import { checklistPage } from "~/features/evidence/pages.server.ts";
import { localisePath } from "~/features/i18n/languages.ts";
import { publicHeaders, requireLang } from "~/utils/http.server.ts";
import { titleMeta } from "~/utils/meta.ts";

export const headers = publicHeaders;

export async function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLang(params.lang);
  return { lang, page: checklistPage(lang) };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(matches, data?.page.title);

export default function Checklist() {
  const { lang, page } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <p className="govuk-body app-no-print">
          {page.ui.partOf}{" "}
          <a className="govuk-link" href={localisePath("/evidence", lang)}>
            {page.guideTitle}
          </a>
        </p>
        <h1 className="govuk-heading-xl">{page.title}</h1>
        <Blocks body={page.intro} />
        <PrintButton label={page.ui.print} />
        {Object.entries(page.groups).map(([id, group]) => (
          <section key={id} className="app-stage-section" aria-labelledby={`group-${id}`}>
            <h2 className="govuk-heading-m" id={`group-${id}`}>
              {group.heading}
            </h2>
            <ul className="govuk-list govuk-list--bullet">
              {group.questions.map((question) => (
                <li key={question}>{question}</li>
              ))}
            </ul>
          </section>
        ))}
        <GlossaryData terms={page.glossary} {...page.glossaryUi} />
      </div>
    </div>
  );
}
