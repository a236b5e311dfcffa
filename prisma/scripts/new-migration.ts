// Writes a new migration offline: the SQL that turns the previous schema (from
// git, HEAD by default) into prisma/schema.prisma.
//   npm run migration:new -- add_isva_queries [--from <git-ref>] [--allow-empty]
// The Prisma CLI needs a database to talk to even for this: DATABASE_URL if set,
// otherwise a throwaway embedded PostgreSQL.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../../app/utils/embedded-postgres.server.ts";

const root = path.resolve(import.meta.dirname, "../..");
const args = process.argv.slice(2);
const name = args.find((arg) => !arg.startsWith("--") && args[args.indexOf(arg) - 1] !== "--from");
const fromRef = args.includes("--from") ? args[args.indexOf("--from") + 1] : "HEAD";
const allowEmpty = args.includes("--allow-empty");

if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run migration:new -- <name_in_snake_case> [--from <git-ref>] [--allow-empty]");
  process.exit(2);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "migration-"));
const previousSchema = path.join(tmp, "previous.prisma");
const shown = spawnSync("git", ["show", `${fromRef}:prisma/schema.prisma`], { cwd: root, encoding: "utf8" });
if (shown.status !== 0) {
  console.error(`Could not read prisma/schema.prisma at ${fromRef}: ${shown.stderr.trim()}`);
  process.exit(1);
}
fs.writeFileSync(previousSchema, shown.stdout);

let databaseUrl = process.env.DATABASE_URL;
const embedded = databaseUrl
  ? undefined
  : await startEmbeddedPostgres({ dataDir: path.join(tmp, "pg"), port: 54000 + Math.floor(Math.random() * 900), ephemeral: true });
databaseUrl ??= embedded!.url;

try {
  const sql = execFileSync(
    "npx",
    ["prisma", "migrate", "diff", "--config", "prisma/prisma.config.ts",
      "--from-schema-datamodel", previousSchema,
      "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  const empty = !/^(?!--).+/m.test(sql.replace(/^-- This is an empty migration\.\s*$/m, ""));
  if (empty && !allowEmpty) {
    console.log(`No schema change since ${fromRef}: nothing written. Use --allow-empty for a data-only migration.`);
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(root, "prisma", "migrations", `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`Wrote ${path.relative(root, dir)}/migration.sql. Review it, add any raw SQL, then run npm test.`);
  }
} finally {
  await embedded?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}
