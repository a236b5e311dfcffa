// GOV.UK service navigation's list of sections, the current one marked: the
// public menu and the workspace's sections both use it.
import { Link } from "@remix-run/react";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { localisePath } from "~/features/i18n/languages.ts";

export function ServiceNavigation({ label, items, path }: { label: string; items: readonly { key: string; path: string }[]; path: string }) {
  const t = useT();
  const lang = useLang();
  return (
    <nav aria-label={label} className="govuk-service-navigation__wrapper">
      <ul className="govuk-service-navigation__list" id="navigation">
        {items.map((item) => {
          const active = path === item.path || path.startsWith(`${item.path}/`);
          return (
            <li key={item.path} className={`govuk-service-navigation__item${active ? " govuk-service-navigation__item--active" : ""}`}>
              <Link className="govuk-service-navigation__link" to={localisePath(item.path, lang)} aria-current={active ? "true" : undefined}>
                {t(item.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
