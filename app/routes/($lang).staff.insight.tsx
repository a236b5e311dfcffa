// Query figures for joint performance meetings: an Area's own for its staff,
// any Area's or the national picture for administrators.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BarChart } from "~/components/queries/BarChart.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { Select } from "~/components/ui/Select.tsx";
import { hasRole, requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { signedInData } from "~/features/auth/session-route.server.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { meetingInsight } from "~/features/meetings/insight.server.ts";
import { queryInsight } from "~/features/queries/insight.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { titleFor } from "~/utils/meta.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "insight.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const session = requireRole(await requireUser(request), "AREA_STAFF", "VLO", "ADMIN");
  const db = getDb();
  const areas = await db.area.findMany({ orderBy: { nameEn: "asc" }, select: { id: true, nameEn: true, nameCy: true } });
  const isAdmin = hasRole(session.user, "ADMIN");
  const asked = new URL(request.url).searchParams.get("area") ?? "";
  // Staff see their own Area's figures; only administrators choose.
  const areaId = isAdmin ? (areas.some((a) => a.id === asked) ? asked : null) : session.user.areaId;
  if (!isAdmin && !areaId) throw new Response("Forbidden", { status: 403 });
  return { ...signedInData(session), isAdmin, areas, areaId, insight: await queryInsight(db, areaId), meetings: await meetingInsight(db, areaId) };
}

export default function Insight() {
  const t = useT();
  const lang = useLang();
  const { isAdmin, areas, areaId, insight, meetings } = useLoaderData<typeof loader>();
  const areaName = (id: string | null) => {
    const area = areas.find((a) => a.id === id);
    return area ? (lang === "cy" ? area.nameCy : area.nameEn) : t("insight.national");
  };
  const hours = (value: number | null) => (value == null ? t("insight.none") : t("insight.hours", { count: value }));
  return (
    <>
      <h1 className="govuk-heading-l">
        {t("insight.title")}: {areaName(areaId)}
      </h1>
      <p className="govuk-body">{t("insight.intro")}</p>
      {isAdmin ? (
        <form method="get" className="app-filters">
          <Select name="area" label={t("insight.scope")} placeholder={t("insight.national")} defaultValue={areaId ?? ""} options={areas.map((a) => ({ value: a.id, label: lang === "cy" ? a.nameCy : a.nameEn }))} />
          <Button variant="secondary">{t("insight.show")}</Button>
        </form>
      ) : null}
      <h2 className="govuk-heading-m">{t("insight.weekly")}</h2>
      <BarChart bars={insight.weeks.map((w) => ({ label: w.weekStart, value: w.received }))} title={t("insight.weekly")} description={t("insight.chartDesc")} />
      <table className="govuk-table" data-testid="weekly-table">
        <caption className="govuk-table__caption govuk-table__caption--s">{t("insight.weekly")}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{t("insight.weekStart")}</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">{t("insight.received")}</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {insight.weeks.map((w) => (
            <tr key={w.weekStart} className="govuk-table__row">
              <td className="govuk-table__cell">{w.weekStart}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{w.received}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="govuk-heading-m">{t("insight.byCategory")}</h2>
      <table className="govuk-table">
        <tbody className="govuk-table__body">
          {insight.categories.map((c) => (
            <tr key={c.category} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">{t(`queries.categories.${c.category}`)}</th>
              <td className="govuk-table__cell govuk-table__cell--numeric">{c.received}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="govuk-heading-m">{t("insight.replies")}</h2>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("insight.answered")}</dt>
          <dd className="govuk-summary-list__value">{insight.firstReply.answered}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("insight.median")}</dt>
          <dd className="govuk-summary-list__value">{hours(insight.firstReply.medianHours)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("insight.p90")}</dt>
          <dd className="govuk-summary-list__value">{hours(insight.firstReply.p90Hours)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("insight.inTime")}</dt>
          <dd className="govuk-summary-list__value">{insight.firstReply.inTimeShare == null ? t("insight.none") : `${insight.firstReply.inTimeShare}%`}</dd>
        </div>
      </dl>
      <h2 className="govuk-heading-m">{t("insight.meetings.title")}</h2>
      <dl className="govuk-summary-list" data-testid="meeting-figures">
        {(
          [
            ["requests", meetings.requests],
            ["offered", meetings.offered],
            ["offeredInTarget", meetings.offeredInTarget],
            ["held", meetings.held],
            ["declined", meetings.declined],
          ] as const
        ).map(([key, value]) => (
          <div className="govuk-summary-list__row" key={key}>
            <dt className="govuk-summary-list__key">{t(`insight.meetings.${key}`, { count: meetings.targetDays })}</dt>
            <dd className="govuk-summary-list__value">
              {value}
              {key === "offeredInTarget" && meetings.offeredUncounted ? ` ${t("insight.meetings.uncounted", { count: meetings.offeredUncounted })}` : ""}
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}
