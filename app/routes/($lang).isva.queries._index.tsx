import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { QueryTable } from "~/components/queries/QueryViews.tsx";
import { requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { signedInData } from "~/features/auth/session-route.server.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { langFromPath, localisePath } from "~/features/i18n/languages.ts";
import { listIsvaQueries } from "~/features/queries/queries.server.ts";
import { queryRows } from "~/features/queries/views.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { titleFor } from "~/utils/meta.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "queries.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const session = requireRole(await requireUser(request), "ISVA");
  return { ...signedInData(session), rows: queryRows(await listIsvaQueries(getDb(), session.user), langFromPath(new URL(request.url).pathname)) };
}

export default function IsvaQueries() {
  const t = useT();
  const lang = useLang();
  const { rows } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t("queries.title")}</h1>
      <a className="govuk-button" href={localisePath("/isva/queries/new", lang)}>{t("queries.newQuery")}</a>
      <QueryTable rows={rows} basePath="/isva/queries" />
    </>
  );
}
