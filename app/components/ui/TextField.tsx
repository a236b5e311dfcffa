// TextField and TextArea: react-aria-components' TextField with GOV.UK styling.
// Accessibility: a visible <label> tied to the input; hint and error linked by
// aria-describedby (error first, so it is read first); aria-invalid when in
// error; the input's id is predictable so the error summary can link to it;
// `autoComplete` passes through for WCAG 1.3.5.
import { Input, Label, TextArea as AriaTextArea, TextField as AriaTextField, Text } from "react-aria-components";
import { ErrorMessage, fieldId, groupClass, useErrorText, type FieldProps } from "./Field.tsx";

type Props = FieldProps & {
  defaultValue?: string;
  type?: "text" | "email" | "tel" | "password" | "search" | "url";
  autoComplete?: string;
  inputMode?: "text" | "numeric" | "email" | "tel";
  spellCheck?: boolean;
  maxLength?: number;
  /** GOV.UK width class suffix, e.g. "20" or "one-half". */
  width?: string;
  isRequired?: boolean;
  /** When several fields share a name on one page, a distinct id for each. */
  id?: string;
};

function describedBy(id: string, hint: boolean, error: boolean) {
  return [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
}

export function TextField({ name, label, hint, error, width, defaultValue, isRequired, id: givenId, ...input }: Props) {
  const id = givenId ?? fieldId(name);
  const errorText = useErrorText(error);
  const widthClass = width ? ` govuk-input--width-${width}` : "";
  return (
    <AriaTextField
      name={name}
      defaultValue={defaultValue}
      isInvalid={Boolean(errorText)}
      isRequired={isRequired}
      validationBehavior="aria"
      className={groupClass(errorText)}
    >
      <Label className="govuk-label" htmlFor={id}>
        {label}
      </Label>
      {hint ? (
        <Text slot="description" className="govuk-hint" id={`${id}-hint`}>
          {hint}
        </Text>
      ) : null}
      <ErrorMessage id={`${id}-error`} text={errorText} />
      <Input
        id={id}
        {...input}
        aria-describedby={describedBy(id, Boolean(hint), Boolean(errorText))}
        className={`govuk-input${widthClass}${errorText ? " govuk-input--error" : ""}`}
      />
    </AriaTextField>
  );
}

type AreaProps = FieldProps & { defaultValue?: string; rows?: number; maxLength?: number; isRequired?: boolean };

export function TextArea({ name, label, hint, error, defaultValue, rows = 5, maxLength, isRequired }: AreaProps) {
  const id = fieldId(name);
  const errorText = useErrorText(error);
  return (
    <AriaTextField
      name={name}
      defaultValue={defaultValue}
      isInvalid={Boolean(errorText)}
      isRequired={isRequired}
      validationBehavior="aria"
      className={groupClass(errorText)}
    >
      <Label className="govuk-label" htmlFor={id}>
        {label}
      </Label>
      {hint ? (
        <Text slot="description" className="govuk-hint" id={`${id}-hint`}>
          {hint}
        </Text>
      ) : null}
      <ErrorMessage id={`${id}-error`} text={errorText} />
      <AriaTextArea
        id={id}
        rows={rows}
        maxLength={maxLength}
        aria-describedby={describedBy(id, Boolean(hint), Boolean(errorText))}
        className={`govuk-textarea${errorText ? " govuk-textarea--error" : ""}`}
      />
    </AriaTextField>
  );
}
