// The one Prisma client of the process, talking to PostgreSQL through the pg
// driver adapter (no native query engine). The adapter runs on a pg pool that
// the few hot-path statements written in SQL share (see `poolOf`): they skip
// Prisma's query compiler, which costs more than the database for such small
// statements.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "~/generated/prisma/client.ts";

export type Db = PrismaClient;

let client: PrismaClient | undefined;
const pools = new WeakMap<PrismaClient, pg.Pool>();

export function connectDb(databaseUrl: string, options: { max?: number } = {}) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.max ?? 10 });
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(db, pool);
  return db;
}

/** The pg pool under a client made by `connectDb`: for SQL on the hot path. */
export function poolOf(db: PrismaClient): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error("This database client was not made by connectDb.");
  return pool;
}

/** Sets the process-wide client; called once by the server at start-up. */
export function setDb(db: PrismaClient) {
  client = db;
}

export function getDb(): PrismaClient {
  if (!client) throw new Error("The database is not connected yet.");
  return client;
}
