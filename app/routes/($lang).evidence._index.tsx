import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Blocks } from "~/components/content/Blocks.tsx";
import { CardList } from "~/components/content/CardList.tsx";
import { GlossaryData } from "~/components/content/GlossaryData.tsx";
import { explainerHome } from "~/features/evidence/pages.server.ts";
import { localisePath } from "~/features/i18n/languages.ts";
import { publicHeaders, requireLang } from "~/utils/http.server.ts";
import { titleMeta } from "~/utils/meta.ts";

export const headers = publicHeaders;

export async function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLang(params.lang);
  return { lang, page: explainerHome(lang) };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(matches, data?.page.title);

export default function Evidence() {
  const { lang, page } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{page.title}</h1>
        <Blocks body={page.intro} />
        <div className="govuk-inset-text">
          <p className="govuk-body">
            <a className="govuk-link govuk-!-font-weight-bold" href={localisePath("/evidence/questions", lang)}>
              {page.ui.questionsLink}
            </a>
          </p>
          <p className="govuk-body">{page.ui.questionsLinkHint}</p>
        </div>
        <h2 className="govuk-heading-m">{page.ui.topicsHeading}</h2>
        <CardList cards={page.topics.map((topic) => ({ ...topic, href: localisePath(`/evidence/${topic.id}`, lang) }))} level={3} />
        <p className="govuk-body">
          <a className="govuk-link" href={localisePath("/evidence/checklist", lang)}>
            {page.ui.checklistLink}
          </a>
        </p>
        <p className="govuk-body">
          <a className="govuk-link" href={localisePath("/walkthrough/investigation", lang)}>
            {page.ui.investigationLink}
          </a>
        </p>
        <GlossaryData terms={page.glossary} {...page.glossaryUi} />
      </div>
    </div>
  );
}
