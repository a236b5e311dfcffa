// Shared pieces of a GOV.UK form group. Errors arrive as translation keys (from
// the zod schema, in the browser or from the server) and are shown translated.
import type { ReactNode } from "react";
import { useT } from "~/features/i18n/i18n.ts";

export type FieldProps = {
  /** The form field's name, also the base of its id. */
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  /** A translation key (or keys; the first is shown). */
  error?: string | string[];
};

export function fieldId(name: string) {
  return `field-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

export function useErrorText(error: FieldProps["error"]) {
  const t = useT();
  const key = Array.isArray(error) ? error[0] : error;
  if (!key) return undefined;
  const [message, json] = key.split("|");
  return t(message!, json ? JSON.parse(json) : undefined) as string;
}

/** A field's hint, when it has one; its id is what aria-describedby names. */
export function Hint({ id, children }: { id: string; children: ReactNode }) {
  if (!children) return null;
  return (
    <div className="govuk-hint" id={`${id}-hint`}>
      {children}
    </div>
  );
}

export function ErrorMessage({ id, text }: { id: string; text: string | undefined }) {
  const t = useT();
  if (!text) return null;
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">{t("errors.fieldPrefix")}</span> {text}
    </p>
  );
}

/** Ids for aria-describedby: the error first, so it is read before the hint. */
export function describedBy(id: string, { hint, error }: { hint: boolean; error: boolean }) {
  return [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
}

export function groupClass(error: string | undefined) {
  return `govuk-form-group${error ? " govuk-form-group--error" : ""}`;
}
