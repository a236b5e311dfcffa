// The walkthrough's steps as a numbered step-by-step list, after GOV.UK's
// step-by-step navigation. Each step opens with a native <details>, so it
// works by keyboard and with JavaScript off.
import { localisePath, type Lang } from "~/features/i18n/languages.ts";

type Step = { id: string; number: number; title: string; summary: string };

export function StepNav({ lang, stages, label, readStep, stepNumber }: {
  lang: Lang;
  stages: Step[];
  label: string;
  readStep: string;
  stepNumber: string;
}) {
  return (
    <nav aria-label={label}>
      <ol className="app-step-nav">
        {stages.map((step) => (
          <li key={step.id} className="app-step-nav__step">
            <details className="app-step-nav__details">
              <summary className="app-step-nav__summary">
                <span className="app-step-nav__circle" aria-hidden="true">
                  {step.number}
                </span>
                <span className="govuk-visually-hidden">{stepNumber.replace("{{number}}", String(step.number))}: </span>
                <span className="app-step-nav__title">{step.title}</span>
              </summary>
              <div className="app-step-nav__panel">
                <p className="govuk-body">{step.summary}</p>
                <p className="govuk-body">
                  <a className="govuk-link" href={localisePath(`/walkthrough/${step.id}`, lang)}>
                    {readStep}
                    <span className="govuk-visually-hidden">: {step.title}</span>
                  </a>
                </p>
              </div>
            </details>
          </li>
        ))}
      </ol>
    </nav>
  );
}
