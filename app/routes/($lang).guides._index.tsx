// The guides: questions victims ask at any point in a case.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Blocks } from "~/components/content/Blocks.tsx";
import { CardList } from "~/components/content/CardList.tsx";
import { guidesHome } from "~/features/guides/pages.server.ts";
import { publicHeaders, requireLang } from "~/utils/http.server.ts";
import { titleMeta } from "~/utils/meta.ts";

export const headers = publicHeaders;

export async function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLang(params.lang);
  return { lang, page: guidesHome(lang) };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(matches, data?.page.title);

export default function Guides() {
  const { page } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{page.title}</h1>
        <Blocks body={page.intro} />
        <CardList cards={page.guides} />
      </div>
    </div>
  );
}
