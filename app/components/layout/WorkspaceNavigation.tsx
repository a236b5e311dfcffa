// The signed-in workspace's navigation: the sections the signed-in person may
// use (the same rules as the routes' guards), their name and Area, their
// account and Sign out. Sign out is a form, so it works with JavaScript off.
import { CsrfField, type SignedInData } from "~/components/auth/SignedIn.tsx";
import type { Role } from "~/generated/prisma/enums.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { localisePath } from "~/features/i18n/languages.ts";
import { ServiceNavigation } from "./ServiceNavigation.tsx";

type Section = { key: string; path: string; roles: Role[] };

/** Who may open each section: the access matrix test keeps this the same as its index route's policy. */
export const WORKSPACE_SECTIONS: Section[] = [
  { key: "workspace.queries", path: "/staff/queries", roles: ["AREA_STAFF", "VLO"] },
  { key: "workspace.meetings", path: "/staff/meetings", roles: ["VLO", "AREA_STAFF"] },
  { key: "workspace.letters", path: "/staff/letters", roles: ["LETTER_EDITOR", "AREA_STAFF", "VLO"] },
  { key: "workspace.insight", path: "/staff/insight", roles: ["AREA_STAFF", "VLO", "ADMIN"] },
  { key: "workspace.admin", path: "/staff/admin", roles: ["ADMIN"] },
  { key: "workspace.isvaQueries", path: "/isva/queries", roles: ["ISVA"] },
  { key: "workspace.isvaMeetings", path: "/isva/meetings", roles: ["ISVA"] },
];

export function sectionsFor(roles: readonly Role[]) {
  return WORKSPACE_SECTIONS.filter((section) => section.roles.some((role) => roles.includes(role)));
}

/** Where the service name leads a signed-in person: their workspace's home. */
export function workspaceHome(signedIn: SignedInData) {
  return signedIn.me.roles.some((role) => role !== "ISVA") ? "/staff" : "/isva";
}

export function WorkspaceNavigation({ signedIn, path }: { signedIn: SignedInData; path: string }) {
  const t = useT();
  const lang = useLang();
  const area = signedIn.me.area ? (lang === "cy" ? signedIn.me.area.nameCy : signedIn.me.area.nameEn) : null;
  return (
    <>
      <ServiceNavigation label={t("workspace.label")} items={sectionsFor(signedIn.me.roles)} path={path} />
      <div className="app-identity" data-testid="identity">
        <p className="govuk-body-s app-identity__who">
          <bdi>{signedIn.me.name}</bdi>
          {area ? <span className="app-identity__area">{area}</span> : null}
        </p>
        <a className="govuk-link govuk-body-s app-identity__link" href={localisePath("/account", lang)}>
          {t("account.menu")}
        </a>
        <form method="post" action={localisePath("/sign-out", lang)} className="app-identity__sign-out">
          <CsrfField />
          <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
            {t("auth.signOut")}
          </button>
        </form>
      </div>
    </>
  );
}
