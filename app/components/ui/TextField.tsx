// TextField and TextArea: GOV.UK Frontend's text input and textarea, as native
// elements, so what a person types before (or without) scripts stays in the
// field (decision 004).
// Accessibility: a visible <label> tied to the input; hint and error linked by
// aria-describedby (error first, so it is read first); aria-invalid when in
// error; the input's id is predictable so the error summary can link to it;
// `autoComplete` passes through for WCAG 1.3.5.
import type { ReactNode } from "react";
import { useT } from "~/features/i18n/i18n.ts";
import { describedBy, ErrorMessage, Hint, fieldId, groupClass, useErrorText, type FieldProps } from "./Field.tsx";

type Props = FieldProps & {
  defaultValue?: string;
  type?: "text" | "email" | "tel" | "password" | "search" | "url";
  autoComplete?: string;
  inputMode?: "text" | "numeric" | "email" | "tel";
  spellCheck?: boolean;
  /** GOV.UK width class suffix, e.g. "20" or "one-half". */
  width?: string;
  isRequired?: boolean;
  /** When several fields share a name on one page, a distinct id for each. */
  id?: string;
};

/** What the input or textarea needs from the frame around it. */
type Control = {
  id: string;
  name: string;
  defaultValue?: string;
  "aria-describedby": string | undefined;
  "aria-invalid": true | undefined;
  "aria-required": true | undefined;
};

type FrameProps = FieldProps & {
  id?: string;
  defaultValue?: string;
  isRequired?: boolean;
  children: (control: Control, errorText: string | undefined) => ReactNode;
};

/** The form group, label, hint and error shared by TextField and TextArea. */
function TextFrame({ name, label, hint, error, defaultValue, isRequired, id: givenId, children }: FrameProps) {
  const id = givenId ?? fieldId(name);
  const errorText = useErrorText(error);
  const control: Control = {
    id,
    name,
    defaultValue,
    "aria-describedby": describedBy(id, {
      hint: Boolean(hint),
      error: Boolean(errorText),
    }),
    "aria-invalid": errorText ? true : undefined,
    "aria-required": isRequired || undefined,
  };
  return (
    <div className={groupClass(errorText)}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={`${id}-error`} text={errorText} />
      {children(control, errorText)}
    </div>
  );
}

export function TextField({ name, label, hint, error, width, defaultValue, isRequired, id, type = "text", ...input }: Props) {
  const widthClass = width ? ` govuk-input--width-${width}` : "";
  return (
    <TextFrame name={name} label={label} hint={hint} error={error} defaultValue={defaultValue} isRequired={isRequired} id={id}>
      {(control, errorText) => <input {...control} {...input} type={type} className={`govuk-input${widthClass}${errorText ? " govuk-input--error" : ""}`} />}
    </TextFrame>
  );
}

type AreaProps = FieldProps & {
  defaultValue?: string;
  rows?: number;
  /** The most characters the server accepts: said in the hint, never enforced by cutting what is typed. */
  maxLength?: number;
  isRequired?: boolean;
};

export function TextArea({ rows = 5, maxLength, hint, ...field }: AreaProps) {
  const t = useT();
  const limit = maxLength ? t("forms.maxLengthHint", { formatted: maxLength.toLocaleString("en-GB") }) : null;
  return (
    <TextFrame {...field} hint={hint && limit ? <>{hint} {limit}</> : (hint ?? limit)}>
      {(control, errorText) => <textarea {...control} rows={rows} className={`govuk-textarea${errorText ? " govuk-textarea--error" : ""}`} />}
    </TextFrame>
  );
}
