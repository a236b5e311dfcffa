// The migrations and prisma/schema.prisma must describe the same database.
// One database is built from the migrations, another straight from the schema
// (Prisma's SQL for "empty to schema"), and their catalogs are compared.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "~/utils/migrate.server.ts";
import { readCatalog } from "../../setup/catalog.ts";
import { createEmptyDatabase, MIGRATIONS_DIR, sql, testDatabaseUrl } from "../../setup/database.ts";

const root = path.resolve(import.meta.dirname, "../../..");

function schemaSql(schemaPath: string) {
  return execFileSync(
    path.join(root, "node_modules/.bin/prisma"),
    ["migrate", "diff", "--config", "prisma/prisma.config.ts", "--from-empty", "--to-schema-datamodel", schemaPath, "--script"],
    { cwd: root, env: { ...process.env, DATABASE_URL: testDatabaseUrl() }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
}

async function catalogFromSchema(schemaPath: string) {
  const url = await createEmptyDatabase("s");
  await sql(url, schemaSql(schemaPath));
  return readCatalog(url);
}

describe("migrations and schema", () => {
  it("agree", async () => {
    const fromMigrations = await createEmptyDatabase("m");
    await applyMigrations(fromMigrations, MIGRATIONS_DIR);
    expect(await readCatalog(fromMigrations)).toEqual(await catalogFromSchema(path.join(root, "prisma/schema.prisma")));
  }, 60_000);

  it("are found to disagree when the schema gains a field no migration adds", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "schema-"));
    const changed = path.join(dir, "schema.prisma");
    const original = fs.readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
    fs.writeFileSync(
      changed,
      original
        .replace('output     = "../app/generated/prisma"', `output     = "${path.join(dir, "client")}"`)
        .replace("model Borough {", "model Borough {\n  postcodeArea String?"),
    );
    const fromMigrations = await createEmptyDatabase("m");
    await applyMigrations(fromMigrations, MIGRATIONS_DIR);
    expect(await readCatalog(fromMigrations)).not.toEqual(await catalogFromSchema(changed));
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});

describe("applyMigrations", () => {
  it("applies each migration once and records it as Prisma does", async () => {
    const url = await createEmptyDatabase("a");
    const first = await applyMigrations(url, MIGRATIONS_DIR);
    const second = await applyMigrations(url, MIGRATIONS_DIR);
    expect(first).toEqual(readMigrations(MIGRATIONS_DIR).map((m) => m.name));
    expect(second).toEqual([]);
    const rows = await sql<{ migration_name: string; checksum: string }>(
      url,
      `SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows).toEqual(readMigrations(MIGRATIONS_DIR).map((m) => ({ migration_name: m.name, checksum: m.checksum })));
  });

  it("refuses to run when an applied migration has been edited", async () => {
    const url = await createEmptyDatabase("a");
    await applyMigrations(url, MIGRATIONS_DIR);
    const name = readMigrations(MIGRATIONS_DIR)[0]!.name;
    await sql(url, `UPDATE "_prisma_migrations" SET checksum = 'edited' WHERE migration_name = $1`, [name]);
    await expect(applyMigrations(url, MIGRATIONS_DIR)).rejects.toThrow(/was changed after it was applied/);
  });

  it("is safe when several instances start at once", async () => {
    const url = await createEmptyDatabase("a");
    const results = await Promise.all([1, 2, 3].map(() => applyMigrations(url, MIGRATIONS_DIR)));
    expect(results.flat().sort()).toEqual(readMigrations(MIGRATIONS_DIR).map((m) => m.name));
  });
});
