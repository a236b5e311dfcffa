// The Area inbox: an Area's queries for its own staff, a page of 25 at a time,
// by view (waiting for a reply, answered, closed, all) with its counts,
// filtered by topic, assignment and lateness, sorted by due date or by when
// they arrived, and searched by reference, police URN or ISVA name. One
// statement a page: the counts and the page's rows together.
import { todayInLondon, type IsoDate } from "~/features/dates/dates.ts";
import { parseUrn } from "~/features/routing/urn.ts";
import type { QueryStatus, User } from "~/generated/prisma/client.ts";
import { poolOf, type Db } from "~/utils/db.server.ts";
import { INBOX_PAGE_SIZE, INBOX_VIEWS, SEARCH_LIMIT, type InboxFilter, type InboxSearch, type InboxView } from "./inbox.ts";
import { isQueryReference } from "./reference.ts";
import type { Category } from "./schema.ts";

/** How typed search text is read: a portal reference, a police URN in any written form, or part of an ISVA's name. */
export function readInboxSearch(text: string): InboxSearch | null {
  const typed = text.trim();
  if (!typed) return null;
  const upper = typed.toUpperCase();
  if (isQueryReference(upper)) return { reference: upper };
  const urn = parseUrn(typed);
  if (urn.ok) return { urn: urn.normalised };
  return { name: typed };
}

// Waiting for a reply first, then answered, then closed: the same expression
// is indexed (x_isva_query_inbox_order), so the inbox is read in its order.
const RANK = `CASE WHEN q.status IN ('NEW', 'IN_PROGRESS') THEN 0 WHEN q.status = 'ANSWERED' THEN 1 ELSE 2 END`;
const RANK_OF_VIEW: Record<InboxView, number | null> = { waiting: 0, answered: 1, closed: 2, all: null };

export type InboxRow = {
  reference: string;
  category: Category;
  status: QueryStatus;
  dueOn: IsoDate;
  createdAt: Date;
  forceId: string;
  boroughId: string | null;
  isvaName: string;
  organisation: string;
  assignee: string | null;
};

type SqlRow = {
  reference: string;
  category: Category;
  status: QueryStatus;
  due_on: string;
  created_at: Date;
  force_id: string;
  borough_id: string | null;
  isva_name: string;
  organisation: string;
  assignee_name: string | null;
};

const COLUMNS = `
  q.reference, q.category::text AS category, q.status::text AS status, q.due_on::text AS due_on,
  q.created_at AT TIME ZONE 'UTC' AS created_at, q.force_id, q.borough_id, i.name AS isva_name, q.organisation,
  a.name AS assignee_name`;
const JOINS = `JOIN app_user i ON i.id = q.isva_id LEFT JOIN app_user a ON a.id = q.assignee_id`;

const toRow = (row: SqlRow): InboxRow => ({
  reference: row.reference,
  category: row.category,
  status: row.status,
  dueOn: row.due_on,
  createdAt: row.created_at,
  forceId: row.force_id,
  boroughId: row.borough_id,
  isvaName: row.isva_name,
  organisation: row.organisation,
  assignee: row.assignee_name,
});

/** The conditions every view shares, as SQL with its parameters from $1: Area, topic, assignment, lateness. */
function shared(staff: User, filter: InboxFilter, today: IsoDate) {
  const values: unknown[] = [staff.areaId, filter.category ?? null, filter.assigned === "me" ? staff.id : null, filter.assigned === "none", filter.overdue === true, today];
  const where = `q.area_id = $1
    AND ($2::text IS NULL OR q.category::text = $2::text)
    AND ($3::uuid IS NULL OR q.assignee_id = $3::uuid)
    AND (NOT $4::boolean OR q.assignee_id IS NULL)
    AND (NOT $5::boolean OR (q.due_on < $6::date AND q.status IN ('NEW', 'IN_PROGRESS')))`;
  return { where, values };
}

export type InboxPage = {
  rows: InboxRow[];
  counts: Record<InboxView, number>;
  /** The number of pages in the chosen view (at least 1). */
  pages: number;
};

/** One page of an Area's inbox, with the count of each view under the same filters. */
export async function inboxPage(db: Db, staff: User, filter: InboxFilter, today: IsoDate = todayInLondon()): Promise<InboxPage> {
  const empty = { waiting: 0, answered: 0, closed: 0, all: 0 };
  if (!staff.areaId) return { rows: [], counts: empty, pages: 1 };
  const pool = poolOf(db);
  const { where, values } = shared(staff, filter, today);
  const rank = RANK_OF_VIEW[filter.view];
  const order = filter.sort === "received" ? "q.created_at DESC, q.id DESC" : `${RANK}, q.due_on, q.created_at, q.id`;
  // The counts ride on every row (and on one empty row when the page has none),
  // so a page is one round trip to the database.
  const { rows } = await pool.query<SqlRow & { counts: [number, string][]; n: string | null }>(
    `WITH counted AS (
       SELECT coalesce(json_agg(json_build_array(rank, count)), '[]'::json) AS counts
       FROM (SELECT ${RANK} AS rank, count(*) AS count FROM isva_query q WHERE ${where} GROUP BY 1) c
     ), page AS (
       SELECT ${COLUMNS}, row_number() OVER (ORDER BY ${order}) AS n
       FROM (SELECT * FROM isva_query q WHERE ${where} AND ($7::int IS NULL OR ${RANK} = $7::int) ORDER BY ${order} LIMIT $8 OFFSET $9) q
       ${JOINS}
     )
     SELECT counted.counts, page.* FROM counted LEFT JOIN page ON true ORDER BY page.n`,
    [...values, rank, INBOX_PAGE_SIZE, (filter.page - 1) * INBOX_PAGE_SIZE],
  );
  const counts = { ...empty };
  for (const [r, count] of rows[0]?.counts ?? []) {
    const view = INBOX_VIEWS[r]!;
    counts[view] = Number(count);
    counts.all += Number(count);
  }
  const listed = { rows: rows.filter((row) => row.n !== null) };
  return { rows: listed.rows.map(toRow), counts, pages: Math.max(1, Math.ceil(counts[filter.view] / INBOX_PAGE_SIZE)) };
}

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** An Area's queries matching a search, for its own staff only: at most SEARCH_LIMIT, waiting ones first. */
export async function searchInbox(db: Db, staff: User, search: InboxSearch): Promise<InboxRow[]> {
  if (!staff.areaId) return [];
  const [condition, value] =
    "reference" in search ? ["q.reference = $2", search.reference] : "urn" in search ? ["q.urn = $2", search.urn] : ["i.name ILIKE $2", `%${likeEscape(search.name)}%`];
  const { rows } = await poolOf(db).query<SqlRow>(
    `SELECT ${COLUMNS} FROM isva_query q ${JOINS}
     WHERE q.area_id = $1 AND ${condition}
     ORDER BY ${RANK}, q.due_on, q.created_at, q.id LIMIT ${SEARCH_LIMIT}`,
    [staff.areaId, value],
  );
  return rows.map(toRow);
}
