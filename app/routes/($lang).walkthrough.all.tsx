// The whole walkthrough on one page, for printing (each step on a new page).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Blocks } from "~/components/content/Blocks.tsx";
import { GlossaryData } from "~/components/content/GlossaryData.tsx";
import { PrintButton } from "~/components/content/PrintButton.tsx";
import { walkthrough } from "~/features/walkthrough/content.server.ts";
import { pageGlossary, wholeGuide } from "~/features/walkthrough/pages.server.ts";
import { SECTION_IDS, STAGE_IDS } from "~/features/walkthrough/stages.ts";
import { stageStrings } from "~/features/walkthrough/content.server.ts";
import { publicHeaders, requireLang } from "~/utils/http.server.ts";
import { titleMeta } from "~/utils/meta.ts";

export const headers = publicHeaders;

export async function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLang(params.lang);
  const ui = walkthrough(lang).glossary;
  return {
    page: wholeGuide(lang),
    glossary: pageGlossary(lang, STAGE_IDS.flatMap((id) => stageStrings(lang, id))),
    glossaryUi: ui,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(matches, data?.page.print.allTitle);

export default function WholeGuide() {
  const { page, glossary, glossaryUi } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{page.title}</h1>
        <Blocks body={page.intro} />
        <PrintButton label={page.print.printAll} />
        {page.stages.map((stage) => (
          <article key={stage.id} className="app-print-break" aria-labelledby={`stage-${stage.id}`}>
            <span className="govuk-caption-l">{page.steps.stepNumber.replace("{{number}}", String(stage.number))}</span>
            <h2 className="govuk-heading-l" id={`stage-${stage.id}`}>
              {stage.title}
            </h2>
            <p className="govuk-body-l">{stage.summary}</p>
            {SECTION_IDS.map((section) => (
              <section key={section} className="app-stage-section">
                <h3 className="govuk-heading-m">{page.sectionTitles[section]}</h3>
                <Blocks body={stage.sections[section]} />
              </section>
            ))}
          </article>
        ))}
        <GlossaryData terms={glossary} close={glossaryUi.close} more={glossaryUi.moreInGlossary} />
      </div>
    </div>
  );
}
