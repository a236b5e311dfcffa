// The one Prisma client of the process, talking to PostgreSQL through the pg
// driver adapter (no native query engine).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client.ts";

export type Db = PrismaClient;

let client: PrismaClient | undefined;

export function connectDb(databaseUrl: string, options: { max?: number } = {}) {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.max ?? 10 });
  return new PrismaClient({ adapter });
}

/** Sets the process-wide client; called once by the server at start-up. */
export function setDb(db: PrismaClient) {
  client = db;
}

export function getDb(): PrismaClient {
  if (!client) throw new Error("The database is not connected yet.");
  return client;
}
