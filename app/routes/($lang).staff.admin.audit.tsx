import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Button } from "~/components/ui/Button.tsx";
import { TextField } from "~/components/ui/TextField.tsx";
import { listAudit } from "~/features/audit/audit.server.ts";
import { requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { signedInData } from "~/features/auth/session-route.server.ts";
import { useT } from "~/features/i18n/i18n.ts";
import { getDb } from "~/utils/db.server.ts";
import { titleFor } from "~/utils/meta.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "admin.audit");

export async function loader({ request }: LoaderFunctionArgs) {
  const session = requireRole(await requireUser(request), "ADMIN");
  const action = (new URL(request.url).searchParams.get("action") ?? "").replace(/[^a-z_.]/g, "").slice(0, 40);
  const events = await listAudit(getDb(), { action: action || undefined, take: 200 });
  const actors = await getDb().user.findMany({
    where: { id: { in: [...new Set(events.flatMap((e) => (e.actorId ? [e.actorId] : [])))] } },
    select: { id: true, name: true },
  });
  const names = Object.fromEntries(actors.map((a) => [a.id, a.name]));
  return {
    ...signedInData(session),
    action,
    events: events.map((e) => ({
      id: String(e.id),
      at: e.at.toISOString().replace("T", " ").slice(0, 19),
      who: e.actorId ? (names[e.actorId] ?? e.actorId) : "–",
      action: e.action,
      record: e.targetType ? `${e.targetType} ${e.targetId ?? ""}` : "–",
    })),
  };
}

export default function Audit() {
  const t = useT();
  const { events, action } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t("admin.audit")}</h1>
      <form method="get">
        <TextField name="action" label={t("admin.action")} defaultValue={action} width="20" spellCheck={false} />
        <Button variant="secondary">{t("admin.filter")}</Button>
      </form>
      <table className="govuk-table" data-testid="audit-table">
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{t("admin.when")}</th>
            <th scope="col" className="govuk-table__header">{t("admin.who")}</th>
            <th scope="col" className="govuk-table__header">{t("admin.what")}</th>
            <th scope="col" className="govuk-table__header">{t("admin.record")}</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {events.map((event) => (
            <tr key={event.id} className="govuk-table__row">
              <td className="govuk-table__cell">{event.at}</td>
              <td className="govuk-table__cell">{event.who}</td>
              <td className="govuk-table__cell">{event.action}</td>
              <td className="govuk-table__cell">{event.record}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
