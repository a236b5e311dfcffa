import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Blocks } from "~/components/content/Blocks.tsx";
import { GlossaryData } from "~/components/content/GlossaryData.tsx";
import { Pager } from "~/components/content/Pager.tsx";
import { isTopicId } from "~/features/evidence/content.server.ts";
import { topicPage } from "~/features/evidence/pages.server.ts";
import { localisePath } from "~/features/i18n/languages.ts";
import { publicHeaders, requireLang } from "~/utils/http.server.ts";
import { titleMeta } from "~/utils/meta.ts";

export const headers = publicHeaders;

export async function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLang(params.lang);
  if (!isTopicId(params.topic)) throw new Response("Not found", { status: 404 });
  return { lang, page: topicPage(lang, params.topic) };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(matches, data?.page.title);

export default function Topic() {
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
        <p className="govuk-body-l">{page.summary}</p>
        {Object.entries(page.sections).map(([id, section]) => (
          <section key={id} className="app-stage-section" aria-labelledby={`section-${id}`}>
            <h2 className="govuk-heading-m" id={`section-${id}`}>
              {section.heading}
            </h2>
            <Blocks body={section.body} />
          </section>
        ))}
        <p className="govuk-body app-no-print">
          <a className="govuk-link" href={localisePath("/evidence/questions", lang)}>
            {page.ui.questionsLink}
          </a>
          {" · "}
          <a className="govuk-link" href={localisePath("/walkthrough/investigation", lang)}>
            {page.ui.investigationLink}
          </a>
        </p>
        <Pager previous={page.previous} next={page.next} labels={{ previous: page.ui.previous, next: page.ui.next, nav: page.ui.topicsNav }} />
        <GlossaryData terms={page.glossary} {...page.glossaryUi} />
      </div>
    </div>
  );
}
