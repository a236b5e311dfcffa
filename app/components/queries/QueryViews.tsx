// Lists and threads of ISVA queries, shared by the ISVA's and the Area's pages.
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { localisePath } from "~/features/i18n/languages.ts";
import { TableHead } from "~/components/ui/Table.tsx";
import type { DueState } from "~/features/dates/format.ts";
import { DueTag } from "./DueTag.tsx";

export type QueryRow = {
  reference: string;
  category: string;
  status: string;
  dueOn: string;
  createdAt: string;
  overdue: boolean;
  due?: DueState | null;
  assignee: string | null;
  /** A reply the ISVA has not opened yet. */
  unread?: boolean;
};

export function QueryTable({ rows, basePath, showAssignee }: { rows: QueryRow[]; basePath: string; showAssignee?: boolean }) {
  const t = useT();
  const lang = useLang();
  if (!rows.length) return <p className="govuk-body">{t("queries.none")}</p>;
  return (
    <table className="govuk-table" data-testid="query-table">
      <TableHead
        columns={[t("queries.reference"), t("queries.category"), t("queries.status"), t("queries.due"), ...(showAssignee ? [t("queries.assignee")] : [])]}
      />
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr key={row.reference} className="govuk-table__row">
            <td className="govuk-table__cell">
              <a className="govuk-link" href={localisePath(`${basePath}/${row.reference}`, lang)}>{row.reference}</a>
              {row.unread ? (
                <>
                  {" "}
                  <strong className="govuk-tag govuk-tag--blue">{t("queries.unread")}</strong>
                </>
              ) : null}
            </td>
            <td className="govuk-table__cell">{t(`queries.categories.${row.category}`)}</td>
            <td className="govuk-table__cell">
              <strong className="govuk-tag">{t(`queries.statuses.${row.status}`)}</strong>
            </td>
            <td className="govuk-table__cell">
              {row.dueOn}
              <DueTag due={row.due ?? null} />
            </td>
            {showAssignee ? <td className="govuk-table__cell">{row.assignee ?? t("queries.nobody")}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export type ThreadMessage = { id: string; fromStaff: boolean; author: string; createdAt: string; body: string };

export function Thread({ messages }: { messages: ThreadMessage[] }) {
  const t = useT();
  return (
    <ol className="govuk-list" data-testid="thread">
      {messages.map((message, i) => (
        <li key={message.id} className="app-card">
          <h2 className="govuk-heading-s govuk-!-margin-bottom-1">
            {i === 0 ? t("queries.thread.question") : t("queries.thread.reply")} ·{" "}
            {t(message.fromStaff ? "queries.thread.fromStaff" : "queries.thread.fromIsva", { name: message.author })}
          </h2>
          <p className="govuk-body-s">{message.createdAt}</p>
          <p className="govuk-body app-mail-body">
            <bdi>{message.body}</bdi>
          </p>
        </li>
      ))}
    </ol>
  );
}

type StaffSummary = { category: string; status: string; dueOn: string; urn: string | null; isva: { name: string; organisation: string | null; email: string }; reason: string };

/** A query's facts for its Area's staff: topic, status, due date, URN, the ISVA and why it came to this Area. */
export function StaffQuerySummary({ query }: { query: StaffSummary }) {
  const t = useT();
  return (
    <dl className="govuk-summary-list">
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">{t("queries.category")}</dt>
        <dd className="govuk-summary-list__value">{t(`queries.categories.${query.category}`)}</dd>
      </div>
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">{t("queries.status")}</dt>
        <dd className="govuk-summary-list__value">{t(`queries.statuses.${query.status}`)}</dd>
      </div>
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">{t("queries.due")}</dt>
        <dd className="govuk-summary-list__value">{query.dueOn}</dd>
      </div>
      {query.urn ? (
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">URN</dt>
          <dd className="govuk-summary-list__value">{query.urn}</dd>
        </div>
      ) : null}
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">ISVA</dt>
        <dd className="govuk-summary-list__value">
          {query.isva.name}, {query.isva.organisation} ({query.isva.email})
        </dd>
      </div>
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">{t("queries.thread.routingReason")}</dt>
        <dd className="govuk-summary-list__value">{query.reason}</dd>
      </div>
    </dl>
  );
}
