// The Area inbox's parts: views with their counts (MOJ sub navigation), the
// filter bar, the search (MOJ search), the table and the pages (GOV.UK
// pagination). Every part is a plain link or form, so the inbox works in full
// with JavaScript off.
import { DueTag } from "./DueTag.tsx";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { localisePath } from "~/features/i18n/languages.ts";
import { INBOX_VIEWS, inboxSearchParams, type InboxFilter, type InboxView } from "~/features/queries/inbox.ts";
import type { InboxDisplayRow } from "~/features/queries/views.server.ts";
import { CsrfField } from "~/components/auth/SignedIn.tsx";
import { ErrorMessage } from "~/components/ui/Field.tsx";
import { Select } from "~/components/ui/Select.tsx";

export const INBOX_PATH = "/staff/queries";

const filterHref = (filter: InboxFilter, change: Partial<InboxFilter>, lang: "en" | "cy") => localisePath(INBOX_PATH, lang) + inboxSearchParams(filter, change);

export function InboxViews({ filter, counts }: { filter: InboxFilter; counts: Record<InboxView, number> }) {
  const t = useT();
  const lang = useLang();
  return (
    <nav className="moj-sub-navigation" aria-label={t("queries.inbox.views.label")}>
      <ul className="moj-sub-navigation__list">
        {INBOX_VIEWS.map((view) => (
          <li key={view} className="moj-sub-navigation__item">
            <a className="moj-sub-navigation__link" aria-current={view === filter.view ? "page" : undefined} href={filterHref(filter, { view, page: 1 }, lang)}>
              {t(`queries.inbox.views.${view}`)} <strong className="app-count">{counts[view].toLocaleString("en-GB")}</strong>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function InboxFilters({ filter, categories }: { filter: InboxFilter; categories: readonly string[] }) {
  const t = useT();
  const lang = useLang();
  return (
    <form method="get" className="app-filters" aria-label={t("queries.inbox.filters")}>
      {filter.view !== "waiting" ? <input type="hidden" name="view" value={filter.view} /> : null}
      <Select
        name="category"
        label={t("queries.inbox.topic")}
        placeholder={t("queries.inbox.anyTopic")}
        defaultValue={filter.category ?? ""}
        options={categories.map((c) => ({ value: c, label: t(`queries.categories.${c}`) }))}
      />
      <Select
        name="assigned"
        label={t("queries.inbox.assigned")}
        placeholder={t("queries.inbox.assignedAnyone")}
        defaultValue={filter.assigned ?? ""}
        options={[
          { value: "me", label: t("queries.inbox.assignedMe") },
          { value: "none", label: t("queries.inbox.assignedNone") },
        ]}
      />
      <Select
        name="sort"
        label={t("queries.inbox.sort")}
        defaultValue={filter.sort}
        options={[
          { value: "due", label: t("queries.inbox.sortDue") },
          { value: "received", label: t("queries.inbox.sortReceived") },
        ]}
      />
      <div className="govuk-form-group">
        <div className="govuk-checkboxes govuk-checkboxes--small">
          <div className="govuk-checkboxes__item">
            <input className="govuk-checkboxes__input" id="overdue" name="overdue" type="checkbox" value="yes" defaultChecked={filter.overdue} />
            <label className="govuk-label govuk-checkboxes__label" htmlFor="overdue">
              {t("queries.inbox.onlyOverdue")}
            </label>
          </div>
        </div>
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
        {t("queries.inbox.apply")}
      </button>
      <a className="govuk-link govuk-body" href={filterHref({ view: filter.view, sort: "due", page: 1 }, {}, lang)}>
        {t("queries.inbox.clear")}
      </a>
    </form>
  );
}

/** The search is sent by POST: a name or a URN never goes into the address, the history or a log. */
export function InboxSearch({ typed, error }: { typed: string; error?: string }) {
  const t = useT();
  return (
    <div className="moj-search">
      <form method="post" noValidate>
        <CsrfField />
        <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label moj-search__label govuk-!-font-weight-bold" htmlFor="q">
            {t("queries.inbox.search")}
          </label>
          <div className="govuk-hint moj-search__hint" id="q-hint">
            {t("queries.inbox.searchLabel")}. {t("queries.inbox.searchHint")}
          </div>
          <ErrorMessage id="q-error" text={error} />
          <input
            className={`govuk-input moj-search__input${error ? " govuk-input--error" : ""}`}
            id="q"
            name="q"
            type="search"
            defaultValue={typed}
            spellCheck={false}
            autoComplete="off"
            aria-describedby={error ? "q-error q-hint" : "q-hint"}
          />
        </div>
        <button type="submit" className="govuk-button moj-search__button">
          {t("queries.inbox.searchButton")}
        </button>
      </form>
    </div>
  );
}

/** The orders a column header can set, and which way each runs: received newest first, due soonest first. */
const SORTABLE: Partial<Record<string, { sort: InboxFilter["sort"]; direction: "ascending" | "descending" }>> = {
  "queries.received": { sort: "received", direction: "descending" },
  "queries.due": { sort: "due", direction: "ascending" },
};

/** The inbox's header row: with a filter, the received and due headers are links that sort by them (plain links, so they work without JavaScript). */
function InboxHead({ filter }: { filter?: InboxFilter }) {
  const t = useT();
  const lang = useLang();
  const columns = ["queries.reference", "queries.received", "queries.inbox.from", "queries.inbox.police", "queries.inbox.topic", "queries.due", "queries.status", "queries.assignee"];
  return (
    <thead className="govuk-table__head">
      <tr className="govuk-table__row">
        {columns.map((key) => {
          // "All" orders waiting, answered and closed first, so the due date alone is not its order.
          const sortable = filter && !(key === "queries.due" && filter.view === "all") ? SORTABLE[key] : undefined;
          const active = sortable && filter?.sort === sortable.sort;
          return (
            <th key={key} scope="col" className="govuk-table__header" aria-sort={sortable ? (active ? sortable.direction : "none") : undefined}>
              {sortable && filter && !active ? (
                <a className="govuk-link" href={filterHref(filter, { sort: sortable.sort, page: 1 }, lang)}>
                  {t(key)}
                  <span className="govuk-visually-hidden"> {t("queries.inbox.sortBy")}</span>
                </a>
              ) : (
                <>
                  {t(key)}
                  {active ? <span aria-hidden="true">{sortable.direction === "ascending" ? " ▲" : " ▼"}</span> : null}
                </>
              )}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

export function InboxTable({ rows, caption, filter }: { rows: InboxDisplayRow[]; caption: string; filter?: InboxFilter }) {
  const t = useT();
  const lang = useLang();
  return (
    <table className="govuk-table app-inbox" data-testid="query-table">
      <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
      <InboxHead filter={filter} />
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr key={row.reference} className="govuk-table__row">
            <td className="govuk-table__cell">
              <a className="govuk-link" href={localisePath(`${INBOX_PATH}/${row.reference}`, lang)}>
                {row.reference}
              </a>
            </td>
            <td className="govuk-table__cell">{row.received}</td>
            <td className="govuk-table__cell">
              <bdi>{row.from.name}</bdi>
              <br />
              <span className="govuk-body-s">
                <bdi>{row.from.organisation}</bdi>
              </span>
            </td>
            <td className="govuk-table__cell">
              {row.police.force}
              {row.police.borough ? (
                <>
                  <br />
                  <span className="govuk-body-s">{row.police.borough}</span>
                </>
              ) : null}
            </td>
            <td className="govuk-table__cell">{t(`queries.categories.${row.category}`)}</td>
            <td className="govuk-table__cell">
              {row.dueOn}
              <DueTag due={row.due} />
            </td>
            <td className="govuk-table__cell">
              <strong className="govuk-tag govuk-tag--grey">{t(`queries.statuses.${row.status}`)}</strong>
            </td>
            <td className="govuk-table__cell">{row.assignee ? <bdi>{row.assignee}</bdi> : t("queries.nobody")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** GOV.UK pagination: previous, the first, the last and the pages around this one, and next. */
export function InboxPages({ filter, pages }: { filter: InboxFilter; pages: number }) {
  const t = useT();
  const lang = useLang();
  if (pages <= 1) return null;
  const current = Math.min(filter.page, pages);
  const shown = [...new Set([1, current - 1, current, current + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const href = (page: number) => filterHref(filter, { page }, lang);
  const label = (page: number) => t("queries.inbox.pageOf", { page, pages });
  return (
    <nav className="govuk-pagination" aria-label={t("queries.inbox.pagination")}>
      {current > 1 ? (
        <div className="govuk-pagination__prev">
          <a className="govuk-link govuk-pagination__link" href={href(current - 1)} rel="prev">
            <span className="govuk-pagination__link-title">{t("queries.inbox.previous")}</span>
            <span className="govuk-visually-hidden">: {label(current - 1)}</span>
          </a>
        </div>
      ) : null}
      <ul className="govuk-pagination__list">
        {shown.flatMap((page, i) => [
          i > 0 && page - shown[i - 1]! > 1 ? (
            <li key={`gap-${page}`} className="govuk-pagination__item govuk-pagination__item--ellipses">
              &ctdot;
            </li>
          ) : null,
          <li key={page} className={`govuk-pagination__item${page === current ? " govuk-pagination__item--current" : ""}`}>
            <a className="govuk-link govuk-pagination__link" href={href(page)} aria-label={label(page)} aria-current={page === current ? "page" : undefined}>
              {page}
            </a>
          </li>,
        ])}
      </ul>
      {current < pages ? (
        <div className="govuk-pagination__next">
          <a className="govuk-link govuk-pagination__link" href={href(current + 1)} rel="next">
            <span className="govuk-pagination__link-title">{t("queries.inbox.next")}</span>
            <span className="govuk-visually-hidden">: {label(current + 1)}</span>
          </a>
        </div>
      ) : null}
    </nav>
  );
}
