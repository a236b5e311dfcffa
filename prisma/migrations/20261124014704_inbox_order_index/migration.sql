-- CreateIndex
CREATE INDEX "isva_query_area_id_due_on_created_at_id_idx" ON "isva_query"("area_id", "due_on", "created_at", "id");

