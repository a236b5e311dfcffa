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
import { describedBy, ErrorMessage, fieldId, groupClass, useErrorText, type FieldProps } from "./Field.tsx";

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

const kinds = {
  radio: { listClass: "govuk-radios", Option: Radio },
  checkbox: { listClass: "govuk-checkboxes", Option: Checkbox },
};

/** What react-aria's RadioGroup and CheckboxGroup both receive from ChoiceGroup. */
type AriaGroupProps = {
  name: string;
  isInvalid: boolean;
  isRequired?: boolean;
  validationBehavior: "aria";
  "aria-describedby"?: string;
  className: string;
  children: ReactNode;
};

// The two groups differ only in react-aria's group and option components and
// the type of defaultValue, so the wrapper renders its own group (which keeps
// defaultValue typed) and everything else is shared.
function ChoiceGroup({
  kind,
  renderGroup,
  name,
  label,
  hint,
  error,
  choices,
  labelAsHeading,
  isRequired,
  id: givenId,
}: GroupProps & { kind: keyof typeof kinds; renderGroup: (props: AriaGroupProps) => ReactNode }) {
  const id = givenId ?? fieldId(name);
  const errorText = useErrorText(error);
  const { listClass, Option } = kinds[kind];
  return (
    <div className={groupClass(errorText)}>
      {renderGroup({
        name,
        isInvalid: Boolean(errorText),
        isRequired,
        validationBehavior: "aria",
        "aria-describedby": describedBy(id, { hint: Boolean(hint), error: Boolean(errorText) }),
        className: "govuk-fieldset",
        children: (
          <>
            <Legend id={id} label={label} asHeading={labelAsHeading} />
            {hint ? (
              <Text slot="description" className="govuk-hint" id={`${id}-hint`}>
                {hint}
              </Text>
            ) : null}
            <ErrorMessage id={`${id}-error`} text={errorText} />
            <div className={listClass}>
              {choices.map((choice, i) => (
                <Option key={choice.value} value={choice.value} id={i === 0 ? id : `${id}-${choice.value}`} className={`app-choice app-choice--${kind}`}>
                  <ChoiceText choice={choice} />
                </Option>
              ))}
            </div>
          </>
        ),
      })}
    </div>
  );
}

export function RadioGroup({ defaultValue, ...group }: GroupProps & { defaultValue?: string }) {
  return <ChoiceGroup {...group} kind="radio" renderGroup={(props) => <AriaRadioGroup {...props} defaultValue={defaultValue} />} />;
}

export function CheckboxGroup({ defaultValue, ...group }: GroupProps & { defaultValue?: string[] }) {
  return <ChoiceGroup {...group} kind="checkbox" renderGroup={(props) => <AriaCheckboxGroup {...props} defaultValue={defaultValue} />} />;
}
