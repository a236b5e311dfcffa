import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Blocks } from "~/components/content/Blocks.tsx";
import { PrintButton } from "~/components/content/PrintButton.tsx";
import { CardList } from "~/components/content/CardList.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { RadioGroup } from "~/components/ui/Choices.tsx";
import { ErrorSummary } from "~/components/ui/ErrorSummary.tsx";
import { StepNav } from "~/components/walkthrough/StepNav.tsx";
import { localisePath } from "~/features/i18n/languages.ts";
import { overviewPage } from "~/features/walkthrough/pages.server.ts";
import { isStageId } from "~/features/walkthrough/stages.ts";
import { publicHeaders, requireLang } from "~/utils/http.server.ts";
import { titleMeta } from "~/utils/meta.ts";
import { readForm } from "~/utils/read-form.server.ts";

export const headers = publicHeaders;

export async function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLang(params.lang);
  return { lang, page: overviewPage(lang) };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(matches, data?.page.title);

// "Where am I now?": the answer only chooses where to go. It is not stored.
export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLang(params.lang);
  const form = await readForm(request);
  const stage = form.get("stage");
  if (!isStageId(stage)) {
    return data({ error: true }, { status: 400, headers: { "Cache-Control": "no-store" } });
  }
  return redirect(localisePath(`/walkthrough/${stage}`, lang), 303);
}

export default function WalkthroughOverview() {
  const { lang, page } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const error = actionData?.error ? "forms.chooseStage" : undefined;

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {error ? <ErrorSummary errors={[{ name: "stage", key: error }]} /> : null}
        <h1 className="govuk-heading-xl">{page.title}</h1>
        <Blocks body={page.intro} />
        <StepNav
          lang={lang}
          stages={page.stages}
          label={page.steps.label}
          readStep={page.steps.readStep}
          stepNumber={page.steps.stepNumber}
        />
        <form method="post" action={localisePath("/walkthrough", lang)} className="app-no-print" noValidate>
          <RadioGroup
            name="stage"
            label={page.whereAmI.question}
            hint={page.whereAmI.hint}
            error={error}
            choices={page.stages.map((stage) => ({ value: stage.id, label: stage.whereAmI }))}
          />
          <Button>{page.whereAmI.button}</Button>
        </form>
        <h2 className="govuk-heading-m">{page.guides.title}</h2>
        <CardList cards={page.guides.list} level={3} />
        <p className="govuk-body app-no-print">
          <a className="govuk-link" href={localisePath("/walkthrough/all", lang)}>
            {page.print.allTitle}
          </a>{" "}
          ·{" "}
          <a className="govuk-link" href={localisePath("/walkthrough/booklet.pdf", lang)} download>
            {page.print.download}
          </a>
        </p>
        <p className="govuk-body-s">{page.print.offline}</p>
        <PrintButton label={page.print.printAll} />
      </div>
    </div>
  );
}
