-- When the ISVA last opened a query, so replies after it show as unread.
ALTER TABLE "isva_query" ADD COLUMN "isva_read_at" TIMESTAMP(3);
