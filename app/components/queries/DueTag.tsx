// Where a reply stands against its due date, said in words: "Due in 2 working
// days", "Due today", "3 days overdue". Nothing is shown while it is not yet close.
import type { DueState } from "~/features/dates/format.ts";
import { useT } from "~/features/i18n/i18n.ts";

export function DueTag({ due }: { due: DueState | null }) {
  const t = useT();
  if (!due || due.state === "later") return null;
  const [text, colour] =
    due.state === "overdue"
      ? [
          due.days === 1
            ? t("queries.inbox.overdueOne")
            : t("queries.inbox.overdueMany", { count: due.days }),
          "red",
        ]
      : due.state === "today"
      ? [t("queries.inbox.dueToday"), "orange"]
      : [
          due.workingDays === 1
            ? t("queries.inbox.dueSoonOne")
            : t("queries.inbox.dueSoonMany", { count: due.workingDays }),
          "yellow",
        ];
  return (
    <>
      <br />
      <strong className={`govuk-tag govuk-tag--${colour}`}>{text}</strong>
    </>
  );
}
