// The pre-trial meetings an ISVA asked for: reference, status and time only.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { signedInData } from "~/features/auth/session-route.server.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { langFromPath, localisePath } from "~/features/i18n/languages.ts";
import { formatDate } from "~/features/dates/format.ts";
import { meetingWhen } from "~/features/meetings/messages.server.ts";
import { listIsvaRequests } from "~/features/meetings/requests.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { titleFor } from "~/utils/meta.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "meetings.isvaTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const session = requireRole(await requireUser(request), "ISVA");
  const lang = langFromPath(new URL(request.url).pathname);
  const rows = await listIsvaRequests(getDb(), session.user);
  return {
    ...signedInData(session),
    sent: new URL(request.url).searchParams.get("sent"),
    rows: rows.map((row) => ({
      reference: row.reference,
      status: row.status,
      createdAt: formatDate(row.createdAt, lang),
      when: row.meetings[0] ? meetingWhen(row.meetings[0].startsAt, lang) : null,
    })),
  };
}

export default function IsvaMeetings() {
  const t = useT();
  const lang = useLang();
  const { rows, sent } = useLoaderData<typeof loader>();
  const justSent = rows.find((row) => row.reference === sent);
  return (
    <>
      {justSent ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="status" data-testid="meeting-sent">
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{t("meetings.sentFor", { reference: justSent.reference })}</p>
          </div>
        </div>
      ) : null}
      <h1 className="govuk-heading-l">{t("meetings.isvaTitle")}</h1>
      <p className="govuk-body">
        <a className="govuk-button" href={localisePath("/isva/meetings/new", lang)} draggable="false">{t("meetings.askForSomeone")}</a>
      </p>
      {rows.length ? (
        <table className="govuk-table" data-testid="isva-meetings">
          <caption className="govuk-table__caption govuk-table__caption--m">{t("meetings.yourRequests")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("queries.reference")}</th>
              <th scope="col" className="govuk-table__header">{t("meetings.received")}</th>
              <th scope="col" className="govuk-table__header">{t("meetings.status")}</th>
              <th scope="col" className="govuk-table__header">{t("meetings.when")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map((row) => (
              <tr key={row.reference} className="govuk-table__row">
                <td className="govuk-table__cell">{row.reference}</td>
                <td className="govuk-table__cell">{row.createdAt}</td>
                <td className="govuk-table__cell">{t(`meetings.statuses.${row.status}`)}</td>
                <td className="govuk-table__cell">{row.when ?? "–"}</td>
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
