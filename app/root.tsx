import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  type ShouldRevalidateFunction,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { Blocks } from "~/components/content/Blocks.tsx";
import { useSignedIn } from "~/components/auth/SignedIn.tsx";
import { PageChrome } from "~/components/layout/PageChrome.tsx";
import type { RoleRefusal } from "~/features/auth/guards.server.ts";
import { errorPages } from "~/features/content/pages.server.ts";
import { useT } from "~/features/i18n/i18n.ts";
import { LANGUAGES, langFromPath, localisePath, stripLang } from "~/features/i18n/languages.ts";
import { uiStrings } from "~/features/i18n/resources.server.ts";
import { enhanceScriptUrl } from "~/utils/assets.server.ts";
import { useNonce } from "~/utils/nonce.tsx";
import { publicOrigin } from "~/utils/origin.server.ts";
import stylesHref from "~/styles/generated/main.css";

export const links: LinksFunction = () => [
  // The id tells react-aria its touch-action rule is already in this sheet
  // (see _app.scss), so it adds no <style> element that would need a nonce.
  { rel: "stylesheet", href: stylesHref, id: "react-aria-pressable-style" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const lang = langFromPath(url.pathname);
  return {
    lang,
    serviceName: uiStrings(lang).serviceName,
    origin: publicOrigin(request),
    errors: errorPages(lang),
    roleRefusedTitle: uiStrings(lang).errors.roleTitle,
    enhanceUrl: enhanceScriptUrl(),
  };
}

// The root data depends only on the language of the URL.
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl }) =>
  langFromPath(currentUrl.pathname) !== langFromPath(nextUrl.pathname);

type RootData = Awaited<ReturnType<typeof loader>>;

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root") as RootData | undefined;
  const nonce = useNonce();
  const { pathname } = useLocation();
  const lang = data?.lang ?? langFromPath(pathname);
  const neutral = stripLang(pathname);
  // Public pages are complete as served: they load only a small enhancement
  // script, and carry no nonce in their body, so one rendering can serve every
  // reader. Routes that need React in the browser say so with handle.hydrate.
  const hydrate = useMatches().some((match) => (match.handle as { hydrate?: boolean } | undefined)?.hydrate);

  return (
    <html lang={lang} dir="ltr" className="govuk-template govuk-template--rebranded" data-offline={hydrate ? "off" : "on"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#0b0c0c" />
        <meta name="referrer" content="no-referrer" />
        <Meta />
        {data
          ? LANGUAGES.map((l) => (
              <link key={l} rel="alternate" hrefLang={l} href={`${data.origin}${localisePath(neutral, l)}`} />
            ))
          : null}
        <Links />
      </head>
      <body className="govuk-template__body">
        {hydrate ? (
          <script
            nonce={nonce}
            // Lets GOV.UK styles know scripts run, before first paint; and gives
            // react-aria the nonce for any <style> it adds, where it looks for
            // one when the page has no csp-nonce meta (which HTML would want a
            // content attribute on, and the nonce must not be in one).
            dangerouslySetInnerHTML={{
              __html: "document.body.className+=' js-enabled govuk-frontend-supported';window.__webpack_nonce__=document.currentScript.nonce;",
            }}
          />
        ) : null}
        {children}
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : data?.enhanceUrl ? (
          <script type="module" src={data.enhanceUrl} />
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  const signedIn = useSignedIn();
  return (
    <PageChrome signedIn={signedIn}>
      <Outlet />
    </PageChrome>
  );
}

const REFUSED = [400, 405, 411, 413, 415];

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root") as RootData | undefined;
  const t = useT();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const forbidden = isRouteErrorResponse(error) && error.status === 403;
  // Signed in, but the page is not for their role: say so, and where to go.
  const roleRefusal = forbidden && (error.data as Partial<RoleRefusal> | null)?.refused === "role" ? (error.data as RoleRefusal) : undefined;
  const { pathname } = useLocation();
  // A request refused for its form (unreadable, wrong type, too large) or its method.
  const refused = isRouteErrorResponse(error) && REFUSED.includes(error.status) ? error.status : null;
  const page = data ? (notFound ? data.errors.notFound : data.errors.serverError) : undefined;
  if (!isRouteErrorResponse(error)) console.error(error);

  if (roleRefusal) {
    return (
      <PageChrome signedIn={roleRefusal.me ? { csrf: roleRefusal.csrf, me: roleRefusal.me } : undefined}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h1 className="govuk-heading-l">{t("errors.roleTitle")}</h1>
            <p className="govuk-body">{t("errors.roleBody")}</p>
            <p className="govuk-body">
              <a className="govuk-link" href={localisePath(roleRefusal.home, data?.lang ?? langFromPath(pathname))}>
                {t("errors.roleHome")}
              </a>
            </p>
          </div>
        </div>
      </PageChrome>
    );
  }

  return (
    <PageChrome>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">
            {refused ? t("errors.refusedTitle") : (page?.title ?? t(notFound ? "errors.notFoundTitle" : "errors.serverErrorTitle"))}
          </h1>
          {refused ? (
            <p className="govuk-body">{t(`errors.refused.${refused}`)}</p>
          ) : forbidden ? (
            <p className="govuk-body">{t("errors.forbidden")}</p>
          ) : page ? (
            <Blocks body={page.body} headingLevel={2} />
          ) : null}
        </div>
      </div>
    </PageChrome>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  if (isRouteErrorResponse(error) && (error.data as Partial<RoleRefusal> | null)?.refused === "role" && data) {
    return [{ title: `${data.roleRefusedTitle} – ${data.serviceName}` }];
  }
  const page = data ? (notFound ? data.errors.notFound : data.errors.serverError) : undefined;
  return [{ title: `${page?.title ?? (notFound ? "Page not found" : "RASSO portal")} – ${data?.serviceName ?? "RASSO portal"}` }];
};
