// Test helpers for the shared test PostgreSQL.
import crypto from "node:crypto";
import path from "node:path";
import pg from "pg";
import { connectDb } from "../../app/utils/db.server.ts";
import { applyMigrations } from "../../app/utils/migrate.server.ts";

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

export function testDatabaseUrl() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set: run the tests through vitest's global setup.");
  return url;
}

export async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(
  url: string,
  text: string,
  values: unknown[] = [],
) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** A new, empty database in the test cluster; returns its URL. */
export async function createEmptyDatabase(prefix = "t") {
  const name = `${prefix}_${crypto.randomBytes(6).toString("hex")}`;
  await sql(testDatabaseUrl(), `CREATE DATABASE "${name}"`);
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fresh database with every migration applied, and a Prisma client on it. */
export async function createMigratedDatabase() {
  const url = await createEmptyDatabase("m");
  await applyMigrations(url, MIGRATIONS_DIR);
  return { url, db: connectDb(url, { max: 4 }) };
}
