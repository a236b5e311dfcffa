-- Replies an Area's staff keep to start answers from.
CREATE TABLE "reply_snippet" (
    "id" UUID NOT NULL,
    "area_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "reply_snippet_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "reply_snippet_area_id_title_key" ON "reply_snippet"("area_id", "title");

ALTER TABLE "reply_snippet" ADD CONSTRAINT "reply_snippet_area_id_fkey" FOREIGN KEY ("area_id") REFERENCES "area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
