import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Blocks } from "~/components/content/Blocks.tsx";
import { GlossaryData } from "~/components/content/GlossaryData.tsx";
import { LastChecked } from "~/components/content/LastChecked.tsx";
import { PrintButton } from "~/components/content/PrintButton.tsx";
import { CardList } from "~/components/content/CardList.tsx";
import { DeadlineForm } from "~/components/walkthrough/DeadlineForm.tsx";
import { StagePager } from "~/components/walkthrough/StagePager.tsx";
import { localisePath } from "~/features/i18n/languages.ts";
import { deadlineForStage } from "~/features/walkthrough/deadlines.ts";
import { answerDeadline, stagePage } from "~/features/walkthrough/pages.server.ts";
import { isStageId, SECTION_IDS } from "~/features/walkthrough/stages.ts";
import { publicHeaders, requireLang } from "~/utils/http.server.ts";
import { titleMeta } from "~/utils/meta.ts";
import { readForm } from "~/utils/read-form.server.ts";

export const headers = publicHeaders;

function requireStage(param: string | undefined) {
  if (!isStageId(param)) throw new Response("Not found", { status: 404 });
  return param;
}

export async function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLang(params.lang);
  return { lang, page: stagePage(lang, requireStage(params.stage)) };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(matches, data?.page.title);

// The date is used for one answer and forgotten: never stored, never logged,
// never put in the address.
export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLang(params.lang);
  const deadline = deadlineForStage(requireStage(params.stage));
  if (!deadline) throw new Response("Not found", { status: 404 });
  const form = await readForm(request);
  const field = (name: string) => String(form.get(`toldOn.${name}`) ?? "").slice(0, 10);
  const answer = answerDeadline(lang, deadline, { day: field("day"), month: field("month"), year: field("year") });
  return data(answer, { status: answer.ok ? 200 : 400, headers: { "Cache-Control": "no-store" } });
}

export default function StagePage() {
  const { lang, page } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <p className="govuk-body app-no-print">
          {page.steps.partOf}{" "}
          <a className="govuk-link" href={localisePath("/walkthrough", lang)}>
            {page.guideTitle}
          </a>
        </p>
        <span className="govuk-caption-l">
          {page.steps.stepOf.replace("{{number}}", String(page.number)).replace("{{total}}", String(page.total))}
        </span>
        <h1 className="govuk-heading-xl">{page.title}</h1>
        <p className="govuk-body-l">{page.summary}</p>
        {SECTION_IDS.map((section) => (
          <section key={section} className="app-stage-section" aria-labelledby={`section-${section}`}>
            <h2 className="govuk-heading-m" id={`section-${section}`}>
              {page.sectionTitles[section]}
            </h2>
            <Blocks body={page.sections[section]} />
            {section === "yourChoices" && page.deadline ? <DeadlineForm deadline={page.deadline} answer={answer} /> : null}
          </section>
        ))}
        {page.guides.list.length ? (
          <section className="app-stage-section" aria-labelledby="section-guides">
            <h2 className="govuk-heading-m" id="section-guides">
              {page.guides.heading}
            </h2>
            <CardList cards={page.guides.list} level={3} />
          </section>
        ) : null}
        <LastChecked date={page.lastChecked} />
        <PrintButton label={page.print.printStage} />
        <StagePager lang={lang} previous={page.previous} next={page.next} steps={page.steps} />
        <GlossaryData terms={page.glossary} close={page.glossaryUi.close} more={page.glossaryUi.moreInGlossary} />
      </div>
    </div>
  );
}
