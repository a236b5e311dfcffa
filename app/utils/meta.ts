import type { MetaDescriptor } from "@remix-run/node";
import { i18n } from "~/features/i18n/i18n.ts";
import { DEFAULT_LANG, type Lang } from "~/features/i18n/languages.ts";

type Match = { id: string; data: unknown };
type RootData = { serviceName?: string; lang?: Lang } | undefined;

const rootData = (matches: Match[]) => matches.find((match) => match.id === "root")?.data as RootData;

/** "<page title> – <service name>", with the service name in the page's language. */
export function titleMeta(matches: Match[], title: string | undefined): MetaDescriptor[] {
  const service = rootData(matches)?.serviceName ?? "RASSO portal";
  return [{ title: title ? `${title} – ${service}` : service }];
}

/**
 * The title of a page that says what it is for, from an interface string, in
 * the page's language. Titles hold no one's name or case: they stay in the
 * browser's history.
 */
export function titleFor(matches: Match[], key: string): MetaDescriptor[] {
  const lang = rootData(matches)?.lang ?? DEFAULT_LANG;
  return titleMeta(matches, i18n.getFixedT(lang, "common")(key));
}
