import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CsrfField } from "~/components/auth/SignedIn.tsx";
import { listUsers } from "~/features/admin/admin.server.ts";
import { approveUser } from "~/features/auth/accounts.server.ts";
import { requireCsrf, requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { pathFor, signedInData } from "~/features/auth/session-route.server.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { localisePath } from "~/features/i18n/languages.ts";
import { getDb } from "~/utils/db.server.ts";
import { titleFor } from "~/utils/meta.ts";
import { publicOrigin } from "~/utils/origin.server.ts";
import { readForm } from "~/utils/read-form.server.ts";
import { isUuid } from "~/utils/ids.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "admin.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const session = requireRole(await requireUser(request), "ADMIN");
  return { ...signedInData(session), users: await listUsers(getDb()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const session = requireRole(await requireUser(request), "ADMIN");
  const form = await readForm(request);
  requireCsrf(session, form);
  const userId = String(form.get("userId") ?? "");
  if (!isUuid(userId)) throw new Response("Bad request", { status: 400 });
  await approveUser(getDb(), session.user, userId, publicOrigin(request));
  return redirect(pathFor(request, "/staff/admin"));
}

export default function Admin() {
  const t = useT();
  const lang = useLang();
  const { users } = useLoaderData<typeof loader>();
  const pending = users.filter((user) => user.status === "PENDING_APPROVAL");
  return (
    <>
      <h1 className="govuk-heading-l">{t("admin.title")}</h1>
      <ul className="govuk-list">
        <li><a className="govuk-link" href={localisePath("/staff/admin/invite", lang)}>{t("admin.invite")}</a></li>
        <li><a className="govuk-link" href={localisePath("/staff/admin/domains", lang)}>{t("admin.domains")}</a></li>
        <li><a className="govuk-link" href={localisePath("/staff/admin/areas", lang)}>{t("admin.areas")}</a></li>
        <li><a className="govuk-link" href={localisePath("/staff/admin/support", lang)}>{t("support.admin.title")}</a></li>
        <li><a className="govuk-link" href={localisePath("/staff/admin/audit", lang)}>{t("admin.audit")}</a></li>
      </ul>
      {pending.length ? (
        <>
          <h2 className="govuk-heading-m">{t("admin.pending")}</h2>
          <ul className="govuk-list" data-testid="pending-users">
            {pending.map((user) => (
              <li key={user.id}>
                <form method="post" className="app-inline-form">
                  <CsrfField />
                  <input type="hidden" name="userId" value={user.id} />
                  <bdi>{user.name}</bdi> (<bdi>{user.email}</bdi>, <bdi>{user.organisation}</bdi>){" "}
                  <button type="submit" className="govuk-button govuk-!-margin-bottom-0" aria-label={`${t("admin.approve")}: ${user.name}`}>
                    {t("admin.approve")}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2 className="govuk-heading-m">{t("admin.users")}</h2>
      <table className="govuk-table">
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{t("admin.name")}</th>
            <th scope="col" className="govuk-table__header">{t("admin.roles")}</th>
            <th scope="col" className="govuk-table__header">{t("admin.area")}</th>
            <th scope="col" className="govuk-table__header">{t("admin.status")}</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {users.map((user) => (
            <tr key={user.id} className="govuk-table__row">
              <td className="govuk-table__cell">
                <a className="govuk-link" href={localisePath(`/staff/admin/users/${user.id}`, lang)}>
                  <bdi>{user.name}</bdi>
                </a>
              </td>
              <td className="govuk-table__cell">{user.roles.map((role) => t(`roles.${role}`)).join(", ")}</td>
              <td className="govuk-table__cell">{user.areaId ?? "–"}</td>
              <td className="govuk-table__cell">{t(`status.${user.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
