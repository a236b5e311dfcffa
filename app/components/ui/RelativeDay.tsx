// A day said relative to today, after its date: "(3 days ago)", "(tomorrow)",
// "(in 5 days)". The date itself is always shown too.
import type { RelativeDay as Relative } from "~/features/dates/format.ts";
import { useT } from "~/features/i18n/i18n.ts";

export function relativeDayKey(relative: Relative): [string, { count: number }?] {
  if (relative.when === "today") return ["workspace.relative.today"];
  if (relative.days === 1) return [relative.when === "past" ? "workspace.relative.yesterday" : "workspace.relative.tomorrow"];
  return [relative.when === "past" ? "workspace.relative.daysAgo" : "workspace.relative.inDays", { count: relative.days }];
}

export function RelativeDay({ relative }: { relative: Relative }) {
  const t = useT();
  const [key, values] = relativeDayKey(relative);
  return <span className="app-secondary-text"> ({t(key, values)})</span>;
}
