// A query's page for its Area's staff, in one statement: the query with its
// ISVA and assignee, its thread, its timeline, the Area's colleagues to assign
// it to and its saved replies, and the audit entry for reading it (a data-
// modifying part of the same statement, so a read is never shown unaudited).
// Another Area's query, or none, is null: the page's 404.
import type { User } from "~/generated/prisma/client.ts";
import { fieldCipher } from "~/features/crypto/cipher.server.ts";
import { poolOf, type Db } from "~/utils/db.server.ts";
import { eventRows, eventsJsonSql, type EventJson } from "./history.server.ts";
import { aad } from "./queries.server.ts";
import type { Category } from "./schema.ts";

const PAGE_SQL = `
  WITH q AS (
    SELECT * FROM isva_query WHERE reference = $1 AND area_id = $2
  ), audited AS (
    INSERT INTO audit_event (at, actor_id, action, target_type, target_id, area_id)
    SELECT now() AT TIME ZONE 'UTC', $3::uuid, 'case.read', 'query', q.id::text, q.area_id FROM q
  )
  SELECT q.id::text AS id, q.reference, q.status::text AS status, q.category::text AS category, q.urn, q.due_on::text AS due_on,
         q.created_at AT TIME ZONE 'UTC' AS created_at, q.routing_reason, q.area_id, q.assignee_id::text AS assignee_id,
         i.name AS isva_name, i.email AS isva_email, i.organisation AS isva_organisation,
         (SELECT coalesce(json_agg(json_build_object(
                   'id', m.id, 'fromStaff', m.from_staff, 'author', au.name, 'createdAt', m.created_at AT TIME ZONE 'UTC', 'body', m.body
                 ) ORDER BY m.created_at, m.id), '[]'::json)
            FROM query_message m JOIN app_user au ON au.id = m.author_id WHERE m.query_id = q.id) AS messages,
         ${eventsJsonSql("q.id")} AS events,
         (SELECT coalesce(json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name, u.id), '[]'::json)
            FROM app_user u WHERE u.area_id = $2 AND u.status = 'ACTIVE' AND u.roles && ARRAY['AREA_STAFF', 'VLO']::"Role"[]) AS colleagues,
         (SELECT coalesce(json_agg(json_build_object('id', s.id, 'title', s.title) ORDER BY s.title, s.id), '[]'::json)
            FROM reply_snippet s WHERE s.area_id = $2) AS snippets
  FROM q JOIN app_user i ON i.id = q.isva_id`;

type PageRow = {
  id: string;
  reference: string;
  status: string;
  category: Category;
  urn: string | null;
  due_on: string;
  created_at: Date;
  routing_reason: unknown;
  area_id: string;
  assignee_id: string | null;
  isva_name: string;
  isva_email: string;
  isva_organisation: string | null;
  messages: { id: string; fromStaff: boolean; author: string; createdAt: string; body: string }[];
  events: EventJson[];
  colleagues: { id: string; name: string }[];
  snippets: { id: string; title: string }[];
};

/** A query of `staff`'s Area as its page shows it, its thread and notes decrypted; null for any other query. Every read is audited. */
export async function staffQueryPage(db: Db, staff: User, reference: string) {
  if (!staff.areaId) return null;
  const { rows } = await poolOf(db).query<PageRow>(PAGE_SQL, [reference, staff.areaId, staff.id]);
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    category: row.category,
    urn: row.urn,
    dueOn: row.due_on,
    createdAt: row.created_at,
    routingReason: row.routing_reason,
    areaId: row.area_id,
    assigneeId: row.assignee_id,
    isva: { name: row.isva_name, email: row.isva_email, organisation: row.isva_organisation },
    messages: row.messages.map((message) => ({
      id: message.id,
      fromStaff: message.fromStaff,
      author: message.author,
      createdAt: new Date(message.createdAt),
      body: fieldCipher().decrypt(message.body, aad(row.id)),
    })),
    events: eventRows(row.events, row.id),
    colleagues: row.colleagues,
    snippets: row.snippets,
  };
}
