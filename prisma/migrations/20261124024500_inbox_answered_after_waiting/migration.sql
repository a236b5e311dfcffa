-- The Area inbox lists queries waiting for a reply first, then answered ones,
-- then closed ones, each by due date (inboxRank in
-- app/features/queries/queries.server.ts): read in that order from the index.
DROP INDEX "x_isva_query_inbox_order";
CREATE INDEX "x_isva_query_inbox_order" ON "isva_query" (
  "area_id",
  (CASE WHEN "status" IN ('NEW', 'IN_PROGRESS') THEN 0 WHEN "status" = 'ANSWERED' THEN 1 ELSE 2 END),
  "due_on", "created_at", "id"
);
