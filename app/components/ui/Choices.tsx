// RadioGroup and CheckboxGroup: GOV.UK Frontend's radios and checkboxes, as
// native inputs in a fieldset, so they submit with JavaScript off and the page
// is complete as served (decision 004).
// Accessibility: the fieldset's legend is the question; hint and error are
// linked to the fieldset with aria-describedby (error first); each option's
// hint is linked to its own input; arrow keys move between radios natively;
// each option's id is predictable so the error summary can link to the first.
import type { ReactNode } from "react";
import { describedBy, ErrorMessage, Hint, fieldId, groupClass, useErrorText, type FieldProps } from "./Field.tsx";

export type Choice = { value: string; label: ReactNode; hint?: ReactNode };

type GroupProps = FieldProps & {
  choices: Choice[];
  /** When several groups share a name on one page, a distinct id for each. */
  id?: string;
};

function ChoiceGroup({
  kind,
  name,
  label,
  hint,
  error,
  choices,
  id: givenId,
  checked,
}: GroupProps & {
  kind: "radios" | "checkboxes";
  checked: (value: string) => boolean;
}) {
  const id = givenId ?? fieldId(name);
  const errorText = useErrorText(error);
  return (
    <div className={groupClass(errorText)}>
      <fieldset
        className="govuk-fieldset"
        aria-describedby={describedBy(id, {
          hint: Boolean(hint),
          error: Boolean(errorText),
        })}
      >
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{label}</legend>
        <Hint id={id}>{hint}</Hint>
        <ErrorMessage id={`${id}-error`} text={errorText} />
        <div className={`govuk-${kind}`}>
          {choices.map((choice, i) => {
            const optionId = i === 0 ? id : `${id}-${choice.value}`;
            return (
              <div key={choice.value} className={`govuk-${kind}__item`}>
                <input
                  className={`govuk-${kind}__input`}
                  id={optionId}
                  name={name}
                  type={kind === "radios" ? "radio" : "checkbox"}
                  value={choice.value}
                  defaultChecked={checked(choice.value)}
                  aria-describedby={choice.hint ? `${optionId}-item-hint` : undefined}
                />
                <label className={`govuk-label govuk-${kind}__label`} htmlFor={optionId}>
                  {choice.label}
                </label>
                {choice.hint ? (
                  <div id={`${optionId}-item-hint`} className={`govuk-hint govuk-${kind}__hint`}>
                    {choice.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function RadioGroup({ defaultValue, ...group }: GroupProps & { defaultValue?: string }) {
  return <ChoiceGroup {...group} kind="radios" checked={(value) => value === defaultValue} />;
}

export function CheckboxGroup({ defaultValue, ...group }: GroupProps & { defaultValue?: string[] }) {
  return <ChoiceGroup {...group} kind="checkboxes" checked={(value) => defaultValue?.includes(value) ?? false} />;
}
