-- DropIndex
DROP INDEX "isva_query_area_id_due_on_created_at_id_idx";


-- The Area inbox lists open queries first, then by due date: read in that
-- order from the index, so its first page never sorts the Area's queries.
CREATE INDEX "x_isva_query_inbox_order" ON "isva_query" ("area_id", ("status" = 'CLOSED'), "due_on", "created_at", "id");
