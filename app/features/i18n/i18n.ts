// One i18next instance per process (server) or page (browser). Each render asks
// for a translator fixed to the language of the URL, so requests in different
// languages never share state.
import i18next from "i18next";
import { initReactI18next, useTranslation } from "react-i18next";
import { useLocation, useRouteLoaderData } from "@remix-run/react";
import { DEFAULT_LANG, langFromPath, type Lang } from "./languages.ts";

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  lng: DEFAULT_LANG,
  fallbackLng: false,
  ns: ["common"],
  defaultNS: "common",
  resources: {},
  interpolation: { escapeValue: false }, // React escapes
  react: { useSuspense: false },
  initImmediate: false,
  returnNull: false,
});

type RootData = { lang: Lang };

/**
 * Makes a language's interface strings available: on the server before any
 * request (entry.server), in the browser before hydration (entry.client).
 */
export function provideStrings(lang: Lang, strings: Record<string, unknown>) {
  if (!i18n.hasResourceBundle(lang, "common")) {
    i18n.addResourceBundle(lang, "common", strings, true, true);
  }
}

export function useLang(): Lang {
  const data = useRouteLoaderData("root") as RootData | undefined;
  const { pathname } = useLocation();
  // Without the root's data (an error thrown by an action), the address says.
  return data?.lang ?? langFromPath(pathname);
}

/** A translator for the page's language. */
export function useT() {
  const lang = useLang();
  return useTranslation("common", { lng: lang }).t;
}
