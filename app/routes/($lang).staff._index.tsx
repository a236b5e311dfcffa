import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { hasRole, requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { signedInData } from "~/features/auth/session-route.server.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { localisePath } from "~/features/i18n/languages.ts";
import { getDb } from "~/utils/db.server.ts";
import { isLocalMode } from "~/utils/env.server.ts";
import { getEnv } from "~/utils/config.server.ts";
import { titleFor } from "~/utils/meta.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "home.staffTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const session = requireRole(await requireUser(request), "AREA_STAFF", "VLO", "LETTER_EDITOR", "ADMIN");
  const area = session.user.areaId ? await getDb().area.findUnique({ where: { id: session.user.areaId } }) : null;
  return {
    ...signedInData(session),
    area: area ? { en: area.nameEn, cy: area.nameCy } : null,
    isAdmin: hasRole(session.user, "ADMIN"),
    handlesQueries: hasRole(session.user, "AREA_STAFF", "VLO"),
    handlesLetters: hasRole(session.user, "AREA_STAFF", "VLO", "LETTER_EDITOR"),
    localMail: isLocalMode(getEnv()) || process.env.DEV_MAIL_PAGE === "on",
  };
}

export default function StaffHome() {
  const t = useT();
  const lang = useLang();
  const { area, isAdmin, localMail, handlesQueries, handlesLetters } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t("home.staffTitle")}</h1>
      <p className="govuk-body">{area ? t("home.staffIntro", { area: area[lang] }) : t("home.staffNoArea")}</p>
      <ul className="govuk-list">
        {handlesQueries ? (
          <li>
            <a className="govuk-link" href={localisePath("/staff/queries", lang)}>{t("home.queries")}</a>
          </li>
        ) : null}
        {handlesQueries ? (
          <li>
            <a className="govuk-link" href={localisePath("/staff/meetings", lang)}>{t("home.meetings")}</a>
          </li>
        ) : null}
        {handlesLetters ? (
          <li>
            <a className="govuk-link" href={localisePath("/staff/letters", lang)}>{t("home.letters")}</a>
          </li>
        ) : null}
        {handlesQueries || isAdmin ? (
          <li>
            <a className="govuk-link" href={localisePath("/staff/insight", lang)}>{t("home.insight")}</a>
          </li>
        ) : null}
        {isAdmin ? (
          <li>
            <a className="govuk-link" href={localisePath("/staff/admin", lang)}>{t("home.admin")}</a>
          </li>
        ) : null}
        <li>
          <a className="govuk-link" href={localisePath("/account", lang)}>{t("home.account")}</a>
        </li>
        {localMail ? (
          <li>
            <a className="govuk-link" href="/dev/mail">{t("home.mail")}</a>
          </li>
        ) : null}
      </ul>
    </>
  );
}
