import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Blocks } from "~/components/content/Blocks.tsx";
import { homePage } from "~/features/content/pages.server.ts";
import { localisePath } from "~/features/i18n/languages.ts";
import { publicHeaders, requireLang } from "~/utils/http.server.ts";
import { titleMeta } from "~/utils/meta.ts";

export const headers = publicHeaders;

export async function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLang(params.lang);
  return { lang, page: homePage(lang) };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(matches, data?.page.title);

const CARDS = [
  ["walkthrough", "/walkthrough"],
  ["evidence", "/evidence"],
  ["getHelp", "/get-help"],
  ["meeting", "/pre-trial-meeting"],
  ["specialMeasures", "/special-measures"],
] as const;

export default function Home() {
  const { lang, page } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{page.title}</h1>
        <p className="govuk-body-l">{page.lead}</p>
        <Blocks body={page.body} />
        <ul className="app-card-list">
          {CARDS.map(([key, path]) => (
            <li key={key} className="app-card">
              <h2 className="govuk-heading-m">
                <Link className="govuk-link" to={localisePath(path, lang)}>
                  {page.cards[key].title}
                </Link>
              </h2>
              <p className="govuk-body">{page.cards[key].description}</p>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
