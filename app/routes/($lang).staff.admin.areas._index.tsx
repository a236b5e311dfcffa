// Administrators see every Area's RASSO unit mailbox and whether its letters
// have an address, and choose one to change.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SuccessBanner } from "~/components/ui/SuccessBanner.tsx";
import { TableHead } from "~/components/ui/Table.tsx";
import { listAreas } from "~/features/admin/admin.server.ts";
import { requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { signedInData } from "~/features/auth/session-route.server.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { localisePath } from "~/features/i18n/languages.ts";
import { letterDetailsSet } from "~/features/letters/area-details.ts";
import { getDb } from "~/utils/db.server.ts";
import { titleFor } from "~/utils/meta.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "admin.areas");

export async function loader({ request }: LoaderFunctionArgs) {
  const session = requireRole(await requireUser(request), "ADMIN");
  const saved = new URL(request.url).searchParams.get("done") === "saved";
  return { ...signedInData(session), areas: await listAreas(getDb()), saved };
}

export default function Areas() {
  const t = useT();
  const lang = useLang();
  const { areas, saved } = useLoaderData<typeof loader>();
  return (
    <>
      {saved ? <SuccessBanner heading={t("admin.saved")} /> : null}
      <h1 className="govuk-heading-l">{t("admin.areas")}</h1>
      <table className="govuk-table" data-testid="areas-table">
        <TableHead columns={[t("admin.area"), t("admin.mailbox"), t("admin.responseDays"), t("admin.letterAddress"), t("admin.actions")]} />
        <tbody className="govuk-table__body">
          {areas.map((area) => {
            const name = lang === "cy" ? area.nameCy : area.nameEn;
            const details = letterDetailsSet(area);
            return (
              <tr key={area.id} className="govuk-table__row">
                <td className="govuk-table__cell">{name}</td>
                <td className="govuk-table__cell">{area.rassoMailbox}</td>
                <td className="govuk-table__cell">{area.responseDays}</td>
                <td className="govuk-table__cell">
                  {details === "none" ? <strong className="govuk-tag govuk-tag--yellow">{t("admin.addressNotSet")}</strong> : t(`admin.${details}`)}
                </td>
                <td className="govuk-table__cell">
                  <a className="govuk-link" href={localisePath(`/staff/admin/areas/${area.id}`, lang)}>
                    {t("admin.change")}
                    <span className="govuk-visually-hidden"> {name}</span>
                  </a>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
