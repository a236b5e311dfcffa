// DateField: GOV.UK's date input pattern, three text inputs (day, month, year)
// in a fieldset. react-aria's DateField needs JavaScript (decision 004).
// Accessibility: fieldset and legend name the question; each input has its own
// visible label; numeric keyboard on phones (inputmode); hint and error linked
// by aria-describedby on the fieldset; the day input's id is the field id, so
// the error summary links to it.
import { useT } from "~/features/i18n/i18n.ts";
import { ErrorMessage, fieldId, groupClass, useErrorText, type FieldProps } from "./Field.tsx";

type Props = FieldProps & {
  defaultValue?: { day?: string; month?: string; year?: string };
};

export function DateField({ name, label, hint, error, defaultValue = {} }: Props) {
  const t = useT();
  const id = fieldId(name);
  const errorText = useErrorText(error);
  const describedBy = [errorText ? `${id}-error` : null, `${id}-hint`].filter(Boolean).join(" ");
  const parts = [
    { part: "day", label: t("forms.dateDay"), width: 2, autoComplete: undefined },
    { part: "month", label: t("forms.dateMonth"), width: 2, autoComplete: undefined },
    { part: "year", label: t("forms.dateYear"), width: 4, autoComplete: undefined },
  ] as const;
  return (
    <div className={groupClass(errorText)}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>
        <div className="govuk-hint" id={`${id}-hint`}>
          {hint ?? t("forms.dateHint")}
        </div>
        <ErrorMessage id={`${id}-error`} text={errorText} />
        <div className="govuk-date-input">
          {parts.map(({ part, label: partLabel, width }) => (
            <div key={part} className="govuk-date-input__item">
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={part === "day" ? id : `${id}-${part}`}>
                  {partLabel}
                </label>
                <input
                  className={`govuk-input govuk-date-input__input govuk-input--width-${width}${errorText ? " govuk-input--error" : ""}`}
                  id={part === "day" ? id : `${id}-${part}`}
                  name={`${name}.${part}`}
                  type="text"
                  inputMode="numeric"
                  defaultValue={defaultValue[part] ?? ""}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
