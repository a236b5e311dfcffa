// Administrators see the support services the public page lists, and choose
// one to correct or add a new one.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { signedInData } from "~/features/auth/session-route.server.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { localisePath } from "~/features/i18n/languages.ts";
import { listServices } from "~/features/support/services.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { titleFor } from "~/utils/meta.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "support.admin.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const session = requireRole(await requireUser(request), "ADMIN");
  const done = new URL(request.url).searchParams.get("done");
  return { ...signedInData(session), services: await listServices(getDb()), done: done === "saved" || done === "removed" ? done : null };
}

export default function SupportServices() {
  const t = useT();
  const lang = useLang();
  const { services, done } = useLoaderData<typeof loader>();
  return (
    <>
      {done ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="status">
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{t(`support.admin.${done}`)}</p>
          </div>
        </div>
      ) : null}
      <h1 className="govuk-heading-l">{t("support.admin.title")}</h1>
      <p className="govuk-body">{t("support.admin.intro")}</p>
      <table className="govuk-table">
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{t("support.admin.nameEn")}</th>
            <th scope="col" className="govuk-table__header">{t("support.admin.groups")}</th>
            <th scope="col" className="govuk-table__header">{t("admin.actions")}</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {services.map((service) => (
            <tr key={service.id} className="govuk-table__row">
              <td className="govuk-table__cell">{service.nameEn}</td>
              <td className="govuk-table__cell">{service.groups.map((group) => t(`support.groups.${group}`)).join(", ")}</td>
              <td className="govuk-table__cell">
                <a className="govuk-link" href={localisePath(`/staff/admin/support/${service.id}`, lang)}>
                  {t("support.admin.change")}
                  <span className="govuk-visually-hidden"> {service.nameEn}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="govuk-body">
        <a className="govuk-button govuk-button--secondary" href={localisePath("/staff/admin/support/new", lang)}>
          {t("support.admin.add")}
        </a>
      </p>
    </>
  );
}
