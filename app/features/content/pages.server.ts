// The general information pages (home, get help, leaving no trace, cookies,
// privacy, accessibility, error pages), from locales/<lng>/pages.json.
import cyPages from "../../../locales/cy/pages.json";
import enPages from "../../../locales/en/pages.json";
import type { Lang } from "~/features/i18n/languages.ts";
import { lastChecked } from "./fact-register.ts";
import { requireLang } from "~/utils/http.server.ts";
import type { Body } from "./markup.ts";

export type InfoPage = { title: string; body: Body; lastChecked?: string | null };
type HomeCard = { title: string; description: string };
export type HomePage = InfoPage & {
  lead: string;
  cards: Record<"walkthrough" | "evidence" | "getHelp" | "meeting" | "specialMeasures", HomeCard>;
};

type PagesFile = {
  home: HomePage;
  getHelp: InfoPage;
  leavingNoTrace: InfoPage;
  cookies: InfoPage;
  privacy: InfoPage;
  accessibility: InfoPage;
  preTrialMeeting: InfoPage;
  notFound: InfoPage;
  serverError: InfoPage;
};

const pages: Record<Lang, PagesFile> = { en: enPages as PagesFile, cy: cyPages as PagesFile };

export type InfoPageName = Exclude<keyof PagesFile, "home">;

export function infoPage(lang: Lang, name: InfoPageName): InfoPage {
  const { title, body } = pages[lang][name];
  return { title, body };
}

export function homePage(lang: Lang): HomePage {
  return pages[lang].home;
}

export function errorPages(lang: Lang) {
  return { notFound: infoPage(lang, "notFound"), serverError: infoPage(lang, "serverError") };
}

/** What an information page route's loader returns: the page in the URL's language, with when its facts were last checked. */
export function loadInfoPage(params: { lang?: string }, name: InfoPageName) {
  return { page: { ...infoPage(requireLang(params.lang), name), lastChecked: lastChecked(`pages:${name}`) } };
}
