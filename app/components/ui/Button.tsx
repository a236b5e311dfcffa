// Button: react-aria-components' Button (keyboard, press and focus handling)
// with GOV.UK styling. It renders a native <button>, so it submits its form
// with JavaScript off.
// Accessibility: the label is the visible text; focus is shown by GOV.UK's
// yellow focus state; `secondary` and `warning` keep WCAG AA contrast.
import { Button as AriaButton, type ButtonProps } from "react-aria-components";

type Props = Omit<ButtonProps, "className"> & {
  variant?: "primary" | "secondary" | "warning";
  /** The name and value sent with the form when this button submits it. */
  name?: string;
  value?: string;
};

export function Button({ variant = "primary", type = "submit", ...props }: Props) {
  const variantClass = variant === "primary" ? "" : ` govuk-button--${variant}`;
  return <AriaButton {...props} type={type} className={`govuk-button${variantClass}`} data-module="govuk-button" />;
}
