import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Inline } from "~/components/content/Blocks.tsx";
import { LastChecked } from "~/components/content/LastChecked.tsx";
import { lastChecked } from "~/features/content/fact-register.ts";
import { sortedGlossary } from "~/features/glossary/glossary.server.ts";
import { walkthrough } from "~/features/walkthrough/content.server.ts";
import { publicHeaders, requireLang } from "~/utils/http.server.ts";
import { titleMeta } from "~/utils/meta.ts";

export const headers = publicHeaders;

export async function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLang(params.lang);
  const { title, intro } = walkthrough(lang).glossary;
  return { title, intro, terms: sortedGlossary(lang), lastChecked: lastChecked("glossary:terms") };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(matches, data?.title);

export default function Glossary() {
  const { title, intro, terms, lastChecked: checked } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{title}</h1>
        <p className="govuk-body-l">{intro}</p>
        <dl className="govuk-summary-list">
          {terms.map((term) => (
            <div key={term.id} className="govuk-summary-list__row" id={term.id} tabIndex={-1}>
              <dt className="govuk-summary-list__key">{term.term}</dt>
              <dd className="govuk-summary-list__value">
                <Inline text={term.definition} />
              </dd>
            </div>
          ))}
        </dl>
        <LastChecked date={checked} />
      </div>
    </div>
  );
}
