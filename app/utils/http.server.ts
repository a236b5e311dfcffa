// Response helpers shared by routes.
import type { HeadersFunction } from "@remix-run/node";
import { isLang, type Lang } from "~/features/i18n/languages.ts";

/**
 * Public pages are the same for every reader: a shared cache (a CDN) may keep
 * them for a few minutes, and serve a stale copy while it fetches a fresh one.
 * They never set cookies and reflect nothing from the request.
 */
export const PUBLIC_CACHE_CONTROL = "public, max-age=300, s-maxage=600, stale-while-revalidate=86400";

/** Public, unless the action answering a form said otherwise (its answer holds what was sent: no-store). */
export const publicHeaders: HeadersFunction = ({ actionHeaders }) => ({ "Cache-Control": actionHeaders.get("Cache-Control") ?? PUBLIC_CACHE_CONTROL });

/**
 * A public page read from the database (administrators correct it): the same
 * for every reader, but checked with the server on each visit and never kept
 * by the portal's page cache, so a correction shows at once on every instance.
 */
export const FRESH_PUBLIC_CACHE_CONTROL = "public, no-cache";
export const freshPublicHeaders: HeadersFunction = () => ({ "Cache-Control": FRESH_PUBLIC_CACHE_CONTROL });

/** The language of a ($lang) route; any prefix other than "cy" is a 404. */
export function requireLang(param: string | undefined): Lang {
  if (param === undefined) return "en";
  if (param === "cy" && isLang(param)) return param;
  throw new Response("Not found", { status: 404 });
}
