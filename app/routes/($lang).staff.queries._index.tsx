// An Area's inbox of ISVA queries, for that Area's staff and VLOs only.
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SuccessBanner } from "~/components/ui/SuccessBanner.tsx";
import { InboxFilters, InboxPages, InboxSearch, InboxTable, InboxViews, INBOX_PATH } from "~/components/queries/Inbox.tsx";
import { requireCsrf, requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { signedInData } from "~/features/auth/session-route.server.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { langFromPath, localisePath } from "~/features/i18n/languages.ts";
import { inboxSearchParams, readInboxFilter, SEARCH_LIMIT, SEARCH_MAX } from "~/features/queries/inbox.ts";
import { transferredFrom } from "~/features/queries/history.server.ts";
import { inboxPage, readInboxSearch, searchInbox } from "~/features/queries/inbox.server.ts";
import { isQueryReference } from "~/features/queries/reference.ts";
import { CATEGORIES } from "~/features/queries/schema.ts";
import { inboxRows } from "~/features/queries/views.server.ts";
import { loadReferenceData } from "~/features/routing/reference.server.ts";
import { workspaceLinks } from "~/utils/workspace-styles.ts";
import { getDb } from "~/utils/db.server.ts";
import { tooLong } from "~/utils/limits.ts";
import { titleFor } from "~/utils/meta.ts";
import { readForm } from "~/utils/read-form.server.ts";

export const handle = { hydrate: true };
export const links: LinksFunction = workspaceLinks;
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "titles.inbox");

export async function loader({ request }: LoaderFunctionArgs) {
  const session = requireRole(await requireUser(request), "AREA_STAFF", "VLO");
  const url = new URL(request.url);
  const filter = readInboxFilter(url.searchParams);
  const lang = langFromPath(url.pathname);
  const db = getDb();
  // After passing a query on, a confirmation, checked against what this person did.
  const moved = url.searchParams.get("transferred");
  const [page, reference, movedTo] = await Promise.all([
    inboxPage(db, session.user, filter),
    loadReferenceData(db),
    isQueryReference(moved) ? transferredFrom(db, session.user, moved) : null,
  ]);
  const area = session.area!;
  // A page past the last (the list shrank since the link was made): the last page.
  if (filter.page > page.pages) throw redirect(localisePath(INBOX_PATH, lang) + inboxSearchParams(filter, { page: page.pages }));
  return { ...signedInData(session), area: { en: area.nameEn, cy: area.nameCy }, filter, counts: page.counts, pages: page.pages, rows: inboxRows(page.rows, lang, reference),
    transferred: movedTo ? { reference: moved!, area: lang === "cy" ? movedTo.nameCy : movedTo.nameEn } : null };
}

/** A search: by POST, so what was typed stays out of the address. */
export async function action({ request }: ActionFunctionArgs) {
  const session = requireRole(await requireUser(request), "AREA_STAFF", "VLO");
  const form = await readForm(request);
  requireCsrf(session, form);
  const typed = String(form.get("q") ?? "");
  if (typed.length > SEARCH_MAX) return data({ typed, error: tooLong(SEARCH_MAX), rows: null }, { status: 400 });
  const search = readInboxSearch(typed);
  if (!search) return data({ typed, error: "queries.inbox.searchEmpty", rows: null }, { status: 400 });
  const db = getDb();
  const [found, reference] = await Promise.all([searchInbox(db, session.user, search), loadReferenceData(db)]);
  return { typed, error: undefined, rows: inboxRows(found, langFromPath(new URL(request.url).pathname), reference) };
}

export default function Inbox() {
  const t = useT();
  const lang = useLang();
  const { area, rows, filter, counts, pages, transferred } = useLoaderData<typeof loader>();
  const searched = useActionData<typeof action>();
  const title = t("queries.inboxTitle", { area: area[lang] });
  return (
    <>
      {transferred ? (
        <SuccessBanner heading={t("queries.transfer.done", transferred)}>
          <p className="govuk-body">{t("queries.transfer.doneText")}</p>
        </SuccessBanner>
      ) : null}
      <h1 className="govuk-heading-l">{title}</h1>
      <InboxSearch typed={searched?.typed ?? ""} error={searched?.error} />
      {searched?.rows ? (
        <>
          <h2 className="govuk-heading-m">{t("queries.inbox.searchResults")}</h2>
          {searched.rows.length ? <InboxTable rows={searched.rows} caption={t("queries.inbox.searchResults")} /> : <p className="govuk-body">{t("queries.inbox.searchNone")}</p>}
          {searched.rows.length >= SEARCH_LIMIT ? <p className="govuk-body">{t("queries.inbox.searchMore", { count: SEARCH_LIMIT })}</p> : null}
          <p className="govuk-body">
            <a className="govuk-link" href={localisePath(INBOX_PATH, lang)}>
              {t("queries.inbox.backToInbox")}
            </a>
          </p>
        </>
      ) : (
        <>
          <InboxViews filter={filter} counts={counts} />
          <InboxFilters filter={filter} categories={CATEGORIES} />
          {rows.length ? (
            <InboxTable rows={rows} filter={filter} caption={t("queries.inbox.caption", { view: t(`queries.inbox.views.${filter.view}`), page: filter.page, pages, total: counts[filter.view].toLocaleString("en-GB") })} />
          ) : (
            <p className="govuk-body">{t("queries.none")}</p>
          )}
          <InboxPages filter={filter} pages={pages} />
        </>
      )}
    </>
  );
}
