import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Article } from "~/components/content/Article.tsx";
import { GlossaryData } from "~/components/content/GlossaryData.tsx";
import { LastChecked } from "~/components/content/LastChecked.tsx";
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
        <Article
          partOf={{ label: page.ui.partOf, href: localisePath("/evidence", lang), title: page.guideTitle }}
          title={page.title}
          summary={page.summary}
          sections={page.sections}
        />
        <p className="govuk-body app-no-print">
          <a className="govuk-link" href={localisePath("/evidence/questions", lang)}>
            {page.ui.questionsLink}
          </a>
          {" · "}
          <a className="govuk-link" href={localisePath("/walkthrough/investigation", lang)}>
            {page.ui.investigationLink}
          </a>
        </p>
        <LastChecked date={page.lastChecked} />
        <Pager previous={page.previous} next={page.next} labels={{ previous: page.ui.previous, next: page.ui.next, nav: page.ui.topicsNav }} />
        <GlossaryData terms={page.glossary} {...page.glossaryUi} />
      </div>
    </div>
  );
}
