// LastChecked: when the facts a page states were last checked against their
// official sources (the oldest check in the fact register for the page).
import { formatDate } from "~/features/dates/format.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";

export function LastChecked({ date }: { date: string | null }) {
  const t = useT();
  const lang = useLang();
  if (!date) return null;
  return (
    <p className="govuk-body-s" data-testid="last-checked">
      {t("content.lastChecked", { date: formatDate(date, lang) }) as string}
    </p>
  );
}
