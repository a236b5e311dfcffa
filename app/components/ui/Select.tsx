// Select: a native <select> with GOV.UK styling. react-aria's Select is a
// button and popover that needs JavaScript; a native select works everywhere
// and is announced correctly by every screen reader (decision 004).
// Accessibility: visible label; hint and error by aria-describedby.
import { ErrorMessage, fieldId, Hint, groupClass, useErrorText, type FieldProps } from "./Field.tsx";

type Props = FieldProps & {
  options: { value: string; label: string }[];
  defaultValue?: string;
  /** Text of an empty first option, when no choice is made yet. */
  placeholder?: string;
};

export function Select({ name, label, hint, error, options, defaultValue, placeholder }: Props) {
  const id = fieldId(name);
  const errorText = useErrorText(error);
  const describedBy = [errorText ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return (
    <div className={groupClass(errorText)}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={`${id}-error`} text={errorText} />
      <select
        id={id}
        name={name}
        defaultValue={defaultValue ?? ""}
        aria-describedby={describedBy || undefined}
        aria-invalid={errorText ? true : undefined}
        className={`govuk-select${errorText ? " govuk-select--error" : ""}`}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
