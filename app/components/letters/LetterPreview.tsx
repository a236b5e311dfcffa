// Previews of a letter with each example data set, English and Welsh side by
// side. Rendered on the server, and again in the browser as the editor types.
import { useT } from "~/features/i18n/i18n.ts";
import { LetterRenderError, letterTop, nestHeadings, renderLetter, toHtml, type LetterMeta } from "~/features/letters/template-language.ts";

function render(meta: LetterMeta, source: string, values: Record<string, unknown>, lang: "en" | "cy") {
  try {
    const rendered = renderLetter(meta, source, values, lang);
    return { html: nestHeadings(toHtml(rendered, { ...letterTop(meta, values, lang), lang }), 4) };
  } catch (error) {
    if (error instanceof LetterRenderError) return { problems: error.problems.map((problem) => problem.message) };
    return { problems: [(error as Error).message] };
  }
}

export function LetterPreview({ meta, en, cy }: { meta: LetterMeta; en: string; cy: string }) {
  const t = useT();
  return (
    <>
      {meta.examples.map((example, i) => (
        <section key={i} aria-labelledby={`example-${i}`} data-testid="letter-preview">
          <h3 className="govuk-heading-s" id={`example-${i}`}>
            {t("letters.preview")}: {t("letters.example", { number: i + 1 })}
          </h3>
          <div className="govuk-grid-row">
            {(["en", "cy"] as const).map((lang) => {
              const result = render(meta, lang === "en" ? en : cy, example, lang);
              return (
                <div key={lang} className="govuk-grid-column-one-half">
                  <p className="govuk-caption-m">{t(lang === "en" ? "letters.english" : "letters.welsh")}</p>
                  {"html" in result ? (
                    <div className="app-letter" dangerouslySetInnerHTML={{ __html: result.html! }} />
                  ) : (
                    <ul className="govuk-list govuk-error-message">
                      {result.problems!.map((problem) => (
                        <li key={problem}>{problem}</li>
                      ))}
                    </ul>
                  )}
                </div>
              );
            })}
          </div>
        </section>
      ))}
    </>
  );
}
