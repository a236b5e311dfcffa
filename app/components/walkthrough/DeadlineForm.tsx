// "When were you told?": the last day to act on a right with a time limit,
// worked out on the server. A plain form, so it works with JavaScript off.
import { Button } from "~/components/ui/Button.tsx";
import { DateField } from "~/components/ui/DateField.tsx";
import { ErrorSummary } from "~/components/ui/ErrorSummary.tsx";
import type { DeadlineAnswer } from "~/features/walkthrough/pages.server.ts";

type Deadline = {
  id: string;
  title: string;
  question: string;
  button: string;
  noStore: string;
};

export function DeadlineForm({ deadline, answer }: { deadline: Deadline; answer?: DeadlineAnswer }) {
  const error = answer && !answer.ok ? answer.error : undefined;
  return (
    <div className="app-deadline app-no-print" id="deadline">
      <h3 className="govuk-heading-s">{deadline.title}</h3>
      {error ? <ErrorSummary errors={[{ name: "toldOn", key: error }]} /> : null}
      {answer?.ok ? (
        <div className="app-result" role="status" data-testid="deadline-result">
          <p className="app-result__headline">{answer.result}</p>
          {answer.explain ? <p className="govuk-body">{answer.explain}</p> : null}
          {answer.passed ? <p className="govuk-body">{answer.passed}</p> : null}
        </div>
      ) : null}
      <form method="post" action="#deadline" noValidate>
        <DateField
          name="toldOn"
          label={deadline.question}
          error={error}
          defaultValue={answer && !answer.ok ? answer.values : undefined}
        />
        <p className="govuk-body-s">{deadline.noStore}</p>
        <Button variant="secondary">{deadline.button}</Button>
      </form>
    </div>
  );
}
