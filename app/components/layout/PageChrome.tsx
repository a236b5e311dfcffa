// The frame of every page: skip link, header with the service name, menu and
// language switch, Exit this page, main content and footer. Behind sign-in the
// menu is the workspace's (its sections, who is signed in, Sign out) and the
// victims' links are left out.
import type { ReactNode } from "react";
import { Link, useLocation } from "@remix-run/react";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { localisePath, otherLang, stripLang } from "~/features/i18n/languages.ts";
import type { SignedInData } from "~/components/auth/SignedIn.tsx";
import { ExitThisPage } from "./ExitThisPage.tsx";
import { ServiceNavigation } from "./ServiceNavigation.tsx";
import { WorkspaceNavigation, workspaceHome } from "./WorkspaceNavigation.tsx";

const NAV = [
  { key: "nav.walkthrough", path: "/walkthrough" },
  { key: "nav.evidence", path: "/evidence" },
  { key: "nav.getHelp", path: "/get-help" },
] as const;

const FOOTER = [
  ["footer.getHelp", "/get-help"],
  ["footer.leavingNoTrace", "/leaving-no-trace"],
  ["footer.accessibility", "/accessibility"],
  ["footer.privacy", "/privacy"],
  ["footer.cookies", "/cookies"],
] as const;
/** The footer links a signed-in page keeps: the victims' own are left out. */
const WORKSPACE_FOOTER = new Set<string>(["/accessibility", "/privacy", "/cookies"]);

export function PageChrome({ children, signedIn }: { children: ReactNode; signedIn?: SignedInData }) {
  const t = useT();
  const lang = useLang();
  const { pathname } = useLocation();
  const neutralPath = stripLang(pathname);
  const other = otherLang(lang);

  return (
    <>
      <a href="#main-content" className="govuk-skip-link">
        {t("skipLink")}
      </a>
      <header className="govuk-generic-header">
        <div className="govuk-generic-header__container govuk-width-container">
          <div className="govuk-generic-header__logo">
            <Link to={localisePath(signedIn ? workspaceHome(signedIn) : "/", lang)} className="govuk-generic-header__homepage-link">
              {t("serviceName")}
            </Link>
          </div>
        </div>
      </header>
      <section aria-label={t("serviceName")} className="govuk-service-navigation">
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            {signedIn ? (
              <WorkspaceNavigation signedIn={signedIn} path={neutralPath} />
            ) : (
              <ServiceNavigation label={t("nav.label")} items={NAV} path={neutralPath} />
            )}
          </div>
          <nav className="govuk-language-navigation" aria-label={t("language.switchLabel")}>
            <ul className="govuk-language-navigation__list">
              <li className="govuk-language-navigation__list-item">
                <span className="govuk-language-navigation__text" aria-current="true" lang={lang}>
                  {t("language.name")}
                </span>
              </li>
              <li className="govuk-language-navigation__list-item">
                <a
                  className="govuk-language-navigation__link"
                  href={localisePath(neutralPath, other)}
                  lang={other}
                  hrefLang={other}
                  rel="alternate"
                  data-testid="language-switch"
                >
                  {t("language.switchTo")}
                </a>
              </li>
            </ul>
          </nav>
        </div>
      </section>
      <div className="govuk-width-container">
        <ExitThisPage />
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          {children}
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <h2 className="govuk-visually-hidden">{t("footer.heading")}</h2>
              <ul className="govuk-footer__inline-list">
                {FOOTER.filter(([, path]) => !signedIn || WORKSPACE_FOOTER.has(path)).map(([key, path]) => (
                  <li key={path} className="govuk-footer__inline-list-item">
                    <Link className="govuk-footer__link" to={localisePath(path, lang)}>
                      {t(key)}
                    </Link>
                  </li>
                ))}
              </ul>
              <p className="govuk-body-s">{t("footer.noCookies")}</p>
              <span className="govuk-footer__licence-description">{t("footer.licence")}</span>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}
