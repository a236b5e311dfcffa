// The Area inbox's filter and its address, shared by the server and the page.
import { CATEGORIES, type Category } from "./schema.ts";

export const INBOX_PAGE_SIZE = 25;
export const INBOX_VIEWS = ["waiting", "answered", "closed", "all"] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];
export const INBOX_SORTS = ["due", "received"] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];
/** A search shows at most this many matches, best first; there is no paging through them. */
export const SEARCH_LIMIT = 50;
export const SEARCH_MAX = 100;

export type InboxFilter = {
  view: InboxView;
  category?: Category;
  assigned?: "me" | "none";
  overdue?: boolean;
  sort: InboxSort;
  page: number;
};

/** What a search matched on. A name is searched only when the text is neither a reference nor a URN. */
export type InboxSearch = { reference: string } | { urn: string } | { name: string };

const MAX_PAGE = 10_000;

/** The inbox's filter from the address's query string: anything unknown is the default. */
export function readInboxFilter(params: URLSearchParams): InboxFilter {
  const page = Number(params.get("page"));
  return {
    view: INBOX_VIEWS.find((v) => v === params.get("view")) ?? "waiting",
    category: CATEGORIES.find((c) => c === params.get("category")),
    assigned: params.get("assigned") === "me" ? "me" : params.get("assigned") === "none" ? "none" : undefined,
    overdue: params.get("overdue") === "yes",
    sort: INBOX_SORTS.find((s) => s === params.get("sort")) ?? "due",
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
  };
}

/** The query string for a filter, without its defaults; `change` overrides some of it. */
export function inboxSearchParams(filter: InboxFilter, change: Partial<InboxFilter> = {}): string {
  const next = { ...filter, ...change };
  const params = new URLSearchParams();
  if (next.view !== "waiting") params.set("view", next.view);
  if (next.category) params.set("category", next.category);
  if (next.assigned) params.set("assigned", next.assigned);
  if (next.overdue) params.set("overdue", "yes");
  if (next.sort !== "due") params.set("sort", next.sort);
  if (next.page > 1) params.set("page", String(next.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

