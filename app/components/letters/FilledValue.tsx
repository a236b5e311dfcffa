// A letter value the portal fills in itself (a deadline worked out from its
// date, the Area's name): shown, never typed.
import { formatLongDate } from "~/features/dates/format.ts";
import { useT } from "~/features/i18n/i18n.ts";

export function FilledValue({ label, value, lang }: { label: string; value: string | undefined; lang: "en" | "cy" }) {
  const t = useT();
  const shown = value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatLongDate(value, lang, { start: true }) : value;
  return (
    <div className="govuk-form-group">
      <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{label}</p>
      <p className="govuk-body" data-testid="filled-value">
        {shown ? shown : <span className="govuk-hint">{t("letters.filledByPortal")}</span>}
      </p>
    </div>
  );
}
