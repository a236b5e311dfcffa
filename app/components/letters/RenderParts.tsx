// The parts of the letter-making page: a field for each placeholder (what the
// portal fills itself is shown, not asked), and the letter made, with a form
// that posts the same values for its PDF.
import { CsrfField } from "~/components/auth/SignedIn.tsx";
import { FilledValue } from "~/components/letters/FilledValue.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { RadioGroup } from "~/components/ui/Choices.tsx";
import { DateField } from "~/components/ui/DateField.tsx";
import { TextField } from "~/components/ui/TextField.tsx";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { localisePath } from "~/features/i18n/languages.ts";
import { isFilledByPortal } from "~/features/letters/deadlines.ts";
import type { RenderPosted } from "~/features/letters/render-action.server.ts";
import type { LetterMeta } from "~/features/letters/template-language.ts";

export function PlaceholderFields({
  placeholders,
  defaults,
  posted,
}: {
  placeholders: LetterMeta["placeholders"];
  defaults: Record<string, string>;
  posted?: RenderPosted;
}) {
  const t = useT();
  const lang = useLang();
  const value = (key: string) => posted?.typed[key] ?? defaults[key] ?? "";
  // A date's three boxes: as typed, or from a default given as YYYY-MM-DD.
  const dateValue = (key: string) => {
    if (posted && [".day", ".month", ".year"].some((part) => `${key}${part}` in posted.typed)) {
      return { day: posted.typed[`${key}.day`], month: posted.typed[`${key}.month`], year: posted.typed[`${key}.year`] };
    }
    const [year, month, day] = /^\d{4}-\d{2}-\d{2}$/.test(value(key)) ? value(key).split("-").map((n) => String(Number(n))) : [];
    return { day, month, year };
  };
  const label = (key: string, spec: LetterMeta["placeholders"][string]) => `${spec.description ?? key}${spec.required ? "" : ` ${t("forms.optional")}`}`;
  return (
    <>
      {Object.entries(placeholders).map(([key, spec]) =>
        isFilledByPortal(key) ? (
          <FilledValue key={key} label={spec.description ?? key} value={posted?.filled[key]} lang={posted?.lang ?? lang} />
        ) : spec.type === "boolean" ? (
          <RadioGroup
            key={key}
            name={`v.${key}`}
            label={spec.description ?? key}
            defaultValue={value(key)}
            choices={[
              { value: "yes", label: t("letters.yes") },
              { value: "no", label: t("letters.no") },
            ]}
          />
        ) : spec.type === "date" ? (
          <DateField key={key} name={`v.${key}`} label={label(key, spec)} defaultValue={dateValue(key)} />
        ) : (
          <TextField key={key} name={`v.${key}`} label={label(key, spec)} inputMode={spec.type === "number" ? "numeric" : undefined} spellCheck={false} defaultValue={value(key)} />
        ),
      )}
    </>
  );
}

/** The letter made from the values, and its PDF: the values go with the button, checked already. */
export function MadeLetter({ id, posted }: { id: string; posted: RenderPosted & { html: string } }) {
  const t = useT();
  const lang = useLang();
  return (
    <>
      <div className="app-letter" data-testid="rendered-letter" dangerouslySetInnerHTML={{ __html: posted.html }} />
      <form method="post" action={localisePath(`/staff/letters/${id}/render.pdf`, lang)}>
        <CsrfField />
        <input type="hidden" name="language" value={posted.lang} />
        {Object.entries(posted.typed).map(([key, typedValue]) => (
          <input key={key} type="hidden" name={`v.${key}`} value={typedValue} />
        ))}
        <Button>{t("letters.downloadPdf")}</Button>
      </form>
    </>
  );
}
