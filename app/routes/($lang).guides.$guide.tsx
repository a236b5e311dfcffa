// One guide, with the walkthrough steps it belongs to and when its facts were
// last checked against their sources.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Article } from "~/components/content/Article.tsx";
import { GlossaryData } from "~/components/content/GlossaryData.tsx";
import { LastChecked } from "~/components/content/LastChecked.tsx";
import { PrintButton } from "~/components/content/PrintButton.tsx";
import { isGuideId } from "~/features/guides/content.server.ts";
import { guidePage } from "~/features/guides/pages.server.ts";
import { localisePath } from "~/features/i18n/languages.ts";
import { walkthrough } from "~/features/walkthrough/content.server.ts";
import { publicHeaders, requireLang } from "~/utils/http.server.ts";
import { titleMeta } from "~/utils/meta.ts";

export const headers = publicHeaders;

export async function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLang(params.lang);
  if (!isGuideId(params.guide)) throw new Response("Not found", { status: 404 });
  return { lang, page: guidePage(lang, params.guide), print: walkthrough(lang).print.printStage };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(matches, data?.page.title);

export default function Guide() {
  const { lang, page, print } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Article
          partOf={{ label: page.ui.partOf, href: localisePath("/guides", lang), title: page.guidesTitle }}
          title={page.title}
          summary={page.summary}
          sections={page.sections}
        />
        <h2 className="govuk-heading-s">{page.ui.stagesHeading}</h2>
        <ul className="govuk-list">
          {page.stages.map((stage) => (
            <li key={stage.id}>
              <a className="govuk-link" href={localisePath(`/walkthrough/${stage.id}`, lang)}>
                {stage.title}
              </a>
            </li>
          ))}
        </ul>
        <LastChecked date={page.lastChecked} />
        <PrintButton label={print} />
        <GlossaryData terms={page.glossary} {...page.glossaryUi} />
      </div>
    </div>
  );
}
