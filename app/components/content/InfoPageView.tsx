import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { InfoPage } from "~/features/content/pages.server.ts";
import { titleMeta } from "~/utils/meta.ts";
import { Blocks } from "./Blocks.tsx";
import { LastChecked } from "./LastChecked.tsx";

export function InfoPageView({ page }: { page: InfoPage }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{page.title}</h1>
        <Blocks body={page.body} headingLevel={2} />
        <LastChecked date={page.lastChecked ?? null} />
      </div>
    </div>
  );
}

type InfoLoaderData = { page: InfoPage };

export const infoPageMeta: MetaFunction<unknown> = ({ data, matches }) =>
  titleMeta(matches, (data as InfoLoaderData | undefined)?.page.title);

/** The whole page of a route whose loader returns { page }. */
export function InfoPageRoute() {
  const { page } = useLoaderData() as InfoLoaderData;
  return <InfoPageView page={page} />;
}
