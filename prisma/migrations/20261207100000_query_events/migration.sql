-- A query's timeline: what Area staff did to it (assignments, status changes,
-- transfers to another Area) and their internal notes, which the ISVA never sees.
CREATE TYPE "QueryEventKind" AS ENUM ('ASSIGNED', 'STATUS_CHANGED', 'TRANSFERRED', 'NOTE');

CREATE TABLE "query_event" (
    "id" UUID NOT NULL,
    "query_id" UUID NOT NULL,
    "actor_id" UUID NOT NULL,
    "kind" "QueryEventKind" NOT NULL,
    "detail" JSONB,
    "text" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "query_event_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "query_event_query_id_created_at_idx" ON "query_event"("query_id", "created_at");

ALTER TABLE "query_event" ADD CONSTRAINT "query_event_query_id_fkey" FOREIGN KEY ("query_id") REFERENCES "isva_query"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "query_event" ADD CONSTRAINT "query_event_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
