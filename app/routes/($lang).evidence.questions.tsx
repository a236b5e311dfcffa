// "What might happen in my case?": server-side form steps. The answers so far
// ride along in the form posts (never the address, never a cookie, never the
// database), so the flow works with JavaScript off and leaves nothing behind.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Blocks } from "~/components/content/Blocks.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { CheckboxGroup, RadioGroup } from "~/components/ui/Choices.tsx";
import { ErrorSummary } from "~/components/ui/ErrorSummary.tsx";
import { readAnswers, WHAT_OPTIONS, NOTICE_OPTIONS } from "~/features/evidence/flow.ts";
import { flowPage } from "~/features/evidence/pages.server.ts";
import { localisePath, type Lang } from "~/features/i18n/languages.ts";
import { publicHeaders, requireLang } from "~/utils/http.server.ts";
import { titleMeta } from "~/utils/meta.ts";
import { readForm } from "~/utils/read-form.server.ts";

export const headers = publicHeaders;

export async function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLang(params.lang);
  return { lang, page: flowPage(lang, { what: [] }), error: undefined as string | undefined };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = requireLang(params.lang);
  const form = await readForm(request);
  const answers = readAnswers(form.getAll("what"), form.get("notice"));
  const step = form.get("step");
  const noStore = { "Cache-Control": "no-store" };
  if (form.get("edit") === "what") {
    return data({ lang, page: { ...flowPage(lang, { what: [] }), answers }, error: undefined }, { headers: noStore });
  }
  if (step === "what" && answers.what.length === 0) {
    return data({ lang, page: flowPage(lang, { what: [] }), error: "forms.chooseEvidence" }, { status: 400, headers: noStore });
  }
  if (step === "notice" && !answers.notice) {
    return data({ lang, page: flowPage(lang, { what: answers.what }), error: "forms.chooseNotice" }, { status: 400, headers: noStore });
  }
  return data({ lang, page: flowPage(lang, answers), error: undefined }, { headers: noStore });
}

type FlowData = { lang: Lang; page: ReturnType<typeof flowPage>; error?: string };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(matches, data?.page.flow.title);

export default function Questions() {
  const loaded = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const { lang, page, error } = (posted ?? loaded) as unknown as FlowData;
  const action = localisePath("/evidence/questions", lang);
  const carried = page.answers.what.map((value) => <input key={value} type="hidden" name="what" value={value} />);

  if (page.result) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl">{page.result.title}</h1>
          <p className="govuk-body-l">{page.result.intro}</p>
          <Blocks body={page.result.notice} />
          <h2 className="govuk-heading-m">{page.result.topicsHeading}</h2>
          <ul className="app-card-list" data-testid="result-topics">
            {page.result.topics.map((topic) => (
              <li key={topic.id} className="app-card">
                <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                  <a className="govuk-link" href={localisePath(`/evidence/${topic.id}`, lang)}>
                    {topic.title}
                  </a>
                </h3>
                <p className="govuk-body">{topic.summary}</p>
              </li>
            ))}
          </ul>
          <h2 className="govuk-heading-m">{page.result.questionsHeading}</h2>
          <ul className="govuk-list govuk-list--bullet">
            {page.result.questions.map((question) => (
              <li key={question}>{question}</li>
            ))}
          </ul>
          <p className="govuk-body">
            <a className="govuk-link" href={localisePath("/evidence/checklist", lang)}>
              {page.ui.checklistLink}
            </a>
          </p>
          <form method="post" action={action} className="app-no-print">
            {carried}
            <input type="hidden" name="edit" value="what" />
            <Button variant="secondary">{page.ui.changeAnswers}</Button>
          </form>
          <p className="govuk-body app-no-print">
            <a className="govuk-link" href={action}>
              {page.ui.startAgain}
            </a>
          </p>
        </div>
      </div>
    );
  }

  const onNotice = page.step === "notice";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {error ? <ErrorSummary errors={[{ name: onNotice ? "notice" : "what", key: error }]} /> : null}
        <span className="govuk-caption-l">{page.ui.step.replace("{{number}}", onNotice ? "2" : "1")}</span>
        <h1 className="govuk-heading-xl">{page.flow.title}</h1>
        {onNotice ? null : <Blocks body={page.flow.intro} />}
        <form method="post" action={action} noValidate>
          <input type="hidden" name="step" value={page.step} />
          {onNotice ? (
            <>
              {carried}
              <RadioGroup
                name="notice"
                label={page.flow.notice.question}
                hint={page.flow.notice.hint}
                error={error}
                choices={NOTICE_OPTIONS.map((value) => ({ value, label: page.flow.notice.options[value] }))}
              />
            </>
          ) : (
            <CheckboxGroup
              name="what"
              label={page.flow.what.question}
              hint={page.flow.what.hint}
              error={error}
              defaultValue={page.answers.what}
              choices={WHAT_OPTIONS.map((value) => ({ value, label: page.flow.what.options[value] }))}
            />
          )}
          <p className="govuk-body-s">{page.ui.noStore}</p>
          <Button>{page.ui.continue}</Button>
        </form>
      </div>
    </div>
  );
}
