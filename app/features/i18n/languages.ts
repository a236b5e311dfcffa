// English pages live at /path, Welsh ones at /cy/path. The URL alone decides
// the language: no cookie, no Accept-Language negotiation, so a page's address
// always gives the same page and public pages stay cacheable.
export const LANGUAGES = ["en", "cy"] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = "en";

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** The language of a pathname: Welsh under /cy, English otherwise. */
export function langFromPath(pathname: string): Lang {
  return pathname === "/cy" || pathname.startsWith("/cy/") ? "cy" : "en";
}

/** The pathname without its language prefix, always starting with "/". */
export function stripLang(pathname: string): string {
  if (pathname === "/cy") return "/";
  return pathname.startsWith("/cy/") ? pathname.slice(3) : pathname;
}

/** A language-neutral path ("/walkthrough") as a path in `lang`. */
export function localisePath(path: string, lang: Lang): string {
  if (lang === "en") return path;
  return path === "/" ? "/cy" : `/cy${path}`;
}

export function otherLang(lang: Lang): Lang {
  return lang === "en" ? "cy" : "en";
}
