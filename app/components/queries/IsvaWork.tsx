// The ISVA's queries and meeting requests in one table, unopened replies first.
import { TableHead } from "~/components/ui/Table.tsx";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { localisePath } from "~/features/i18n/languages.ts";
import type { WorkRow } from "~/features/queries/isva-work.server.ts";

export function IsvaWork({ rows }: { rows: WorkRow[] }) {
  const t = useT();
  const lang = useLang();
  if (!rows.length) return <p className="govuk-body">{t("home.workNone")}</p>;
  return (
    <table className="govuk-table" data-testid="isva-work">
      <caption className="govuk-table__caption govuk-table__caption--m">
        {t("home.work")}
      </caption>
      <TableHead
        columns={[
          t("queries.reference"),
          t("home.workWhat"),
          t("queries.status"),
          t("home.workSent"),
          t("meetings.when"),
        ]}
      />
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr key={`${row.kind}:${row.reference}`} className="govuk-table__row">
            <td className="govuk-table__cell">
              <a className="govuk-link" href={localisePath(row.href, lang)}>
                {row.reference}
              </a>
              {row.unread ? (
                <>
                  {" "}
                  <strong className="govuk-tag govuk-tag--blue">
                    {t("queries.unread")}
                  </strong>
                </>
              ) : null}
            </td>
            <td className="govuk-table__cell">
              {row.kind === "query"
                ? t("home.workQuery", {
                    category: t(`queries.categories.${row.category}`),
                  })
                : t("home.workMeeting")}
            </td>
            <td className="govuk-table__cell">{t(row.status)}</td>
            <td className="govuk-table__cell">{row.sent}</td>
            <td className="govuk-table__cell">{row.when ?? "–"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
