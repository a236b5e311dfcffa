// Pre-trial meeting requests for the Area's VLOs and staff.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { hasRole, requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { signedInData } from "~/features/auth/session-route.server.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { langFromPath, localisePath } from "~/features/i18n/languages.ts";
import { Diary } from "~/components/meetings/Diary.tsx";
import { RelativeDay } from "~/components/ui/RelativeDay.tsx";
import { addCalendarDays } from "~/features/dates/dates.ts";
import { formatDate, relativeDay } from "~/features/dates/format.ts";
import { vloWeek, weekOf } from "~/features/meetings/diary.server.ts";
import { listAreaRequests } from "~/features/meetings/requests.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { titleFor } from "~/utils/meta.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "meetings.staffTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const session = requireRole(await requireUser(request), "VLO", "AREA_STAFF");
  const url = new URL(request.url);
  const lang = langFromPath(url.pathname);
  const isVlo = hasRole(session.user, "VLO");
  const monday = weekOf(url.searchParams.get("week"));
  const [rows, days] = await Promise.all([listAreaRequests(getDb(), session.user), isVlo ? vloWeek(getDb(), session.user, monday, lang) : null]);
  const week = { label: formatDate(monday, lang), previous: addCalendarDays(monday, -7), next: addCalendarDays(monday, 7), current: weekOf(null) };
  return {
    ...signedInData(session),
    isVlo,
    diary: days ? { days, week } : null,
    rows: rows.map((row) => ({ reference: row.reference, status: row.status, rearrange: Boolean(row.rearrangeAskedAt), createdAt: formatDate(row.createdAt, lang), created: relativeDay(row.createdAt) })),
  };
}

export default function MeetingRequests() {
  const t = useT();
  const lang = useLang();
  const { rows, isVlo, diary } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t("meetings.staffTitle")}</h1>
      {isVlo ? (
        <ul className="govuk-list">
          <li>
            <a className="govuk-link" href={localisePath("/staff/meetings/slots", lang)}>{t("meetings.staffLinks.slots")}</a>
          </li>
          <li>
            <a className="govuk-link" href={localisePath("/staff/meetings/new", lang)}>{t("meetings.staffLinks.phone")}</a>
          </li>
        </ul>
      ) : null}
      {diary ? <Diary days={diary.days} week={diary.week} /> : null}
      <h2 className="govuk-heading-m">{t("meetings.diary.requests")}</h2>
      {rows.length ? (
        <table className="govuk-table" data-testid="meeting-requests">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("queries.reference")}</th>
              <th scope="col" className="govuk-table__header">{t("meetings.received")}</th>
              <th scope="col" className="govuk-table__header">{t("meetings.status")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map((row) => (
              <tr key={row.reference} className="govuk-table__row">
                <td className="govuk-table__cell">
                  <a className="govuk-link" href={localisePath(`/staff/meetings/${row.reference}`, lang)}>{row.reference}</a>
                </td>
                <td className="govuk-table__cell">{row.createdAt}<RelativeDay relative={row.created} /></td>
                <td className="govuk-table__cell">
                  {t(`meetings.statuses.${row.status}`)}
                  {row.rearrange ? <strong className="govuk-tag govuk-tag--orange app-tag-gap">{t("meetings.rearrangeAsked")}</strong> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="govuk-body">{t("meetings.noRequests")}</p>
      )}
    </>
  );
}
