// A database's structure as comparable text: tables, columns, constraints,
// indexes and enum types of the public schema (Prisma's own table excluded, and
// constraints and indexes named x_*, which migrations add in raw SQL).
import { sql } from "./database.ts";

export async function readCatalog(url: string) {
  const columns = await sql(
    url,
    `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length
       FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
      ORDER BY table_name, column_name`,
  );
  const constraints = await sql(
    url,
    `SELECT c.relname AS table_name, con.conname, con.contype, pg_get_constraintdef(con.oid) AS definition
       FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relname <> '_prisma_migrations' AND con.conname NOT LIKE 'x\\_%'
      ORDER BY 1, 2`,
  );
  const indexes = await sql(
    url,
    `SELECT tablename, indexname, indexdef FROM pg_indexes
      WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' AND indexname NOT LIKE 'x\\_%' ORDER BY 1, 2`,
  );
  const enums = await sql(
    url,
    `SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
       JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname ORDER BY 1`,
  );
  return { columns, constraints, indexes, enums };
}
