// TextField and TextArea: react-aria-components' TextField with GOV.UK styling.
// Accessibility: a visible <label> tied to the input; hint and error linked by
// aria-describedby (error first, so it is read first); aria-invalid when in
// error; the input's id is predictable so the error summary can link to it;
// `autoComplete` passes through for WCAG 1.3.5.
import { useEffect, useState, type ReactNode } from "react";
import { Input, Label, TextArea as AriaTextArea, TextField as AriaTextField, Text } from "react-aria-components";
import { describedBy, ErrorMessage, fieldId, groupClass, useErrorText, type FieldProps } from "./Field.tsx";

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

/** What the input or textarea needs from the frame around it. */
type Control = { id: string; describedBy: string | undefined; errorText: string | undefined };

type FrameProps = FieldProps & {
  id?: string;
  defaultValue?: string;
  isRequired?: boolean;
  children: (control: Control) => ReactNode;
};

/** The form group, label, hint and error shared by TextField and TextArea. */
function TextFrame({ name, label, hint, error, defaultValue, isRequired, id: givenId, children }: FrameProps) {
  const id = givenId ?? fieldId(name);
  const errorText = useErrorText(error);
  const [value, setValue] = useState(defaultValue ?? "");
  useEffect(() => {
    // What was typed before the page became interactive is only in the page
    // itself: keep it, or the next render would put the old value back.
    const element = document.getElementById(id);
    if ((element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) && element.value !== value) setValue(element.value);
    // Once, just after the page becomes interactive.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <AriaTextField
      name={name}
      value={value}
      onChange={setValue}
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
      {children({ id, describedBy: describedBy(id, { hint: Boolean(hint), error: Boolean(errorText) }), errorText })}
    </AriaTextField>
  );
}

export function TextField({ name, label, hint, error, width, defaultValue, isRequired, id, ...input }: Props) {
  const widthClass = width ? ` govuk-input--width-${width}` : "";
  return (
    <TextFrame name={name} label={label} hint={hint} error={error} defaultValue={defaultValue} isRequired={isRequired} id={id}>
      {(control) => (
        <Input
          id={control.id}
          {...input}
          aria-describedby={control.describedBy}
          className={`govuk-input${widthClass}${control.errorText ? " govuk-input--error" : ""}`}
        />
      )}
    </TextFrame>
  );
}

type AreaProps = FieldProps & { defaultValue?: string; rows?: number; maxLength?: number; isRequired?: boolean };

export function TextArea({ rows = 5, maxLength, ...field }: AreaProps) {
  return (
    <TextFrame {...field}>
      {(control) => (
        <AriaTextArea
          id={control.id}
          rows={rows}
          maxLength={maxLength}
          aria-describedby={control.describedBy}
          className={`govuk-textarea${control.errorText ? " govuk-textarea--error" : ""}`}
        />
      )}
    </TextFrame>
  );
}
