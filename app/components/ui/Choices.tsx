// RadioGroup and CheckboxGroup: react-aria-components' groups with GOV.UK
// styling. Each option is a native radio or checkbox input inside its label,
// so the form submits with JavaScript off; the look follows the input's real
// :checked state (see app/styles/_app.scss).
// Accessibility: the group is a radiogroup/group labelled by its visible
// question (optionally the page's h1); hint and error are linked with
// aria-describedby; arrow keys move between radios; each option's id is
// predictable so the error summary can link to the first one.
import type { ReactNode } from "react";
import {
  Checkbox,
  CheckboxGroup as AriaCheckboxGroup,
  Label,
  Radio,
  RadioGroup as AriaRadioGroup,
  Text,
} from "react-aria-components";
import { ErrorMessage, fieldId, groupClass, useErrorText, type FieldProps } from "./Field.tsx";

export type Choice = { value: string; label: ReactNode; hint?: ReactNode };

type GroupProps = FieldProps & {
  choices: Choice[];
  /** Show the question as the page's main heading. */
  labelAsHeading?: boolean;
  isRequired?: boolean;
  /** When several groups share a name on one page, a distinct id for each. */
  id?: string;
};

function Legend({ id, label, asHeading }: { id: string; label: ReactNode; asHeading?: boolean }) {
  return asHeading ? (
    <h1 className="govuk-fieldset__heading govuk-heading-l">
      <Label id={`${id}-label`} elementType="span">
        {label}
      </Label>
    </h1>
  ) : (
    <Label id={`${id}-label`} elementType="span" className="govuk-fieldset__legend govuk-fieldset__legend--m">
      {label}
    </Label>
  );
}

function ChoiceText({ choice }: { choice: Choice }) {
  return (
    <>
      <span className="app-choice__label">{choice.label}</span>
      {choice.hint ? <span className="app-choice__hint">{choice.hint}</span> : null}
    </>
  );
}

function describedBy(id: string, hint: boolean, error: boolean) {
  return [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
}

export function RadioGroup({ name, label, hint, error, choices, labelAsHeading, isRequired, defaultValue, id: givenId }: GroupProps & { defaultValue?: string }) {
  const id = givenId ?? fieldId(name);
  const errorText = useErrorText(error);
  return (
    <div className={groupClass(errorText)}>
      <AriaRadioGroup
        name={name}
        defaultValue={defaultValue}
        isInvalid={Boolean(errorText)}
        isRequired={isRequired}
        validationBehavior="aria"
        aria-describedby={describedBy(id, Boolean(hint), Boolean(errorText))}
        className="govuk-fieldset"
      >
        <Legend id={id} label={label} asHeading={labelAsHeading} />
        {hint ? (
          <Text slot="description" className="govuk-hint" id={`${id}-hint`}>
            {hint}
          </Text>
        ) : null}
        <ErrorMessage id={`${id}-error`} text={errorText} />
        <div className="govuk-radios">
          {choices.map((choice, i) => (
            <Radio key={choice.value} value={choice.value} id={i === 0 ? id : `${id}-${choice.value}`} className="app-choice app-choice--radio">
              <ChoiceText choice={choice} />
            </Radio>
          ))}
        </div>
      </AriaRadioGroup>
    </div>
  );
}

export function CheckboxGroup({ name, label, hint, error, choices, labelAsHeading, isRequired, defaultValue, id: givenId }: GroupProps & { defaultValue?: string[] }) {
  const id = givenId ?? fieldId(name);
  const errorText = useErrorText(error);
  return (
    <div className={groupClass(errorText)}>
      <AriaCheckboxGroup
        name={name}
        defaultValue={defaultValue}
        isInvalid={Boolean(errorText)}
        isRequired={isRequired}
        validationBehavior="aria"
        aria-describedby={describedBy(id, Boolean(hint), Boolean(errorText))}
        className="govuk-fieldset"
      >
        <Legend id={id} label={label} asHeading={labelAsHeading} />
        {hint ? (
          <Text slot="description" className="govuk-hint" id={`${id}-hint`}>
            {hint}
          </Text>
        ) : null}
        <ErrorMessage id={`${id}-error`} text={errorText} />
        <div className="govuk-checkboxes">
          {choices.map((choice, i) => (
            <Checkbox key={choice.value} value={choice.value} id={i === 0 ? id : `${id}-${choice.value}`} className="app-choice app-choice--checkbox">
              <ChoiceText choice={choice} />
            </Checkbox>
          ))}
        </div>
      </AriaCheckboxGroup>
    </div>
  );
}
