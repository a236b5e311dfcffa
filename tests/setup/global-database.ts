// One real PostgreSQL for the whole unit-test run: embedded, in a temporary
// directory, migrated once. Tests that need a database of their own create one
// in this cluster (see tests/setup/database.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../app/utils/embedded-postgres.server.ts";
import { applyMigrations } from "../../app/utils/migrate.server.ts";

export default async function setup(_project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-unit-"));
  // Below the ports the system hands out to outgoing connections (32768 and up
  // on Linux, 49152 and up elsewhere): a port an outgoing connection used in
  // the last minute is still in TIME_WAIT and PostgreSQL cannot listen on it.
  // A test that opens a thousand SMTP connections leaves many such ports.
  const port = 20000 + Math.floor(Math.random() * 10000);
  const db = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port, database: "portal_test", ephemeral: true });
  await applyMigrations(db.url, path.resolve(import.meta.dirname, "../../prisma/migrations"));
  process.env.TEST_DATABASE_URL = db.url;
  process.env.TEST_PG_PORT = String(port);
  return async () => {
    await db.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
