// An Area's inbox of ISVA queries, for that Area's staff and VLOs only.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SignedInBar } from "~/components/auth/SignedIn.tsx";
import { QueryTable } from "~/components/queries/QueryViews.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { Select } from "~/components/ui/Select.tsx";
import { requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { signedInData } from "~/features/auth/session-route.server.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { listAreaQueries, readInboxFilter } from "~/features/queries/queries.server.ts";
import { CATEGORIES, QUERY_STATUSES } from "~/features/queries/schema.ts";
import { queryRows } from "~/features/queries/views.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { titleFor } from "~/utils/meta.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "titles.inbox");

export async function loader({ request }: LoaderFunctionArgs) {
  const session = requireRole(await requireUser(request), "AREA_STAFF", "VLO");
  const filter = readInboxFilter(new URL(request.url).searchParams);
  const area = await getDb().area.findUniqueOrThrow({ where: { id: session.user.areaId! } });
  return {
    ...signedInData(session),
    area: { en: area.nameEn, cy: area.nameCy },
    filter,
    rows: queryRows(await listAreaQueries(getDb(), session.user, filter)),
  };
}

export default function Inbox() {
  const t = useT();
  const lang = useLang();
  const { area, rows, filter } = useLoaderData<typeof loader>();
  return (
    <>
      <SignedInBar />
      <h1 className="govuk-heading-l">{t("queries.inboxTitle", { area: area[lang] })}</h1>
      <form method="get" className="app-filters">
        <Select name="status" label={t("queries.status")} placeholder={t("queries.thread.all")} defaultValue={filter.status ?? ""} options={QUERY_STATUSES.map((s) => ({ value: s, label: t(`queries.statuses.${s}`) }))} />
        <Select name="category" label={t("queries.category")} placeholder={t("queries.thread.all")} defaultValue={filter.category ?? ""} options={CATEGORIES.map((c) => ({ value: c, label: t(`queries.categories.${c}`) }))} />
        <Select name="overdue" label={t("queries.overdue")} placeholder={t("queries.thread.all")} defaultValue={filter.overdue ? "yes" : ""} options={[{ value: "yes", label: t("queries.thread.onlyOverdue") }]} />
        <Button variant="secondary">{t("queries.thread.filter")}</Button>
      </form>
      <QueryTable rows={rows} basePath="/staff/queries" showAssignee />
    </>
  );
}
