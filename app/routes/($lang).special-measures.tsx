// An information sheet for ISVAs and police about special measures, printable.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Blocks } from "~/components/content/Blocks.tsx";
import { LastChecked } from "~/components/content/LastChecked.tsx";
import { PrintButton } from "~/components/content/PrintButton.tsx";
import { lastChecked } from "~/features/content/fact-register.ts";
import { specialMeasuresSheet } from "~/features/special-measures/content.server.ts";
import { walkthrough } from "~/features/walkthrough/content.server.ts";
import { publicHeaders, requireLang } from "~/utils/http.server.ts";
import { titleMeta } from "~/utils/meta.ts";

export const headers = publicHeaders;

export async function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLang(params.lang);
  const { reviewNotes: _notes, ...sheet } = specialMeasuresSheet(lang);
  return { sheet, print: walkthrough(lang).print.printStage, lastChecked: lastChecked("special-measures:measures") };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(matches, data?.sheet.title);

export default function SpecialMeasures() {
  const { sheet, print, lastChecked: checked } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{sheet.title}</h1>
        <Blocks body={sheet.intro} />
        <PrintButton label={print} />
        {Object.entries(sheet.measures).map(([id, measure]) => (
          <section key={id} id={id} className="app-stage-section" aria-labelledby={`measure-${id}`}>
            <h2 className="govuk-heading-m" id={`measure-${id}`}>
              {measure.name}
            </h2>
            <p className="govuk-body-s">{measure.law}</p>
            <h3 className="govuk-heading-s">{sheet.headings.what}</h3>
            <Blocks body={measure.what} />
            <h3 className="govuk-heading-s">{sheet.headings.who}</h3>
            <Blocks body={measure.who} />
          </section>
        ))}
        <h2 className="govuk-heading-m">{sheet.headings.eligibility}</h2>
        <Blocks body={sheet.eligibility} />
        <h2 className="govuk-heading-m">{sheet.headings.howToAsk}</h2>
        <Blocks body={sheet.howToAsk} />
        <LastChecked date={checked} />
      </div>
    </div>
  );
}
