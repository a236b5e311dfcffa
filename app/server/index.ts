// The portal's production server. Run by `npm start` (which builds first) or
// `node build/index.js`. Without DATABASE_URL it starts an embedded PostgreSQL
// in DATA_DIR (./data) and keeps mail in its mail folder (local mode).
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as build from "@remix-run/dev/server-build";
import type { ServerBuild } from "@remix-run/node";
import { setEnv } from "../utils/config.server.ts";
import { connectDb, setDb } from "../utils/db.server.ts";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../utils/embedded-postgres.server.ts";
import { ConfigError, isLocalMode, parseEnv, type Env } from "../utils/env.server.ts";
import { describeError, log } from "../utils/logger.server.ts";
import { applyMigrations } from "../utils/migrate.server.ts";
import { seedDemoAccounts } from "../features/auth/demo.server.ts";
import { createTransport } from "../features/mail/transport.server.ts";
import { startOutboxWorker } from "../features/mail/worker.server.ts";
import { closeRateLimits, initRateLimits } from "../features/security/rate-limit.server.ts";
import { scheduleRetention } from "../features/queries/retention.server.ts";
import { loadBaselineLetters } from "../features/letters/letters.server.ts";
import { loadDefaultServices } from "../features/support/services.server.ts";
import { createApp } from "./app.server.ts";
import { localModeMessage } from "./start-message.server.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

async function main() {
  let env: Env;
  try {
    env = parseEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  let embedded: EmbeddedDatabase | undefined;
  if (isLocalMode(env)) {
    const dataDir = path.resolve(env.DATA_DIR);
    env = { ...env, ...localSecrets(dataDir, env) };
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port: env.EMBEDDED_PG_PORT });
    env = { ...env, DATABASE_URL: embedded.url };
  }
  setEnv(env);

  const databaseUrl = env.DATABASE_URL!;
  const applied = await applyMigrations(databaseUrl, path.join(root, "prisma", "migrations"));
  if (applied.length) log.info("migrations applied", { migrations: applied });

  const db = connectDb(databaseUrl);
  setDb(db);
  initRateLimits(databaseUrl);
  // The reviewed letters in templates/letters: each letter's first version, or
  // a corrected text waiting for an editor's review.
  const letters = await loadBaselineLetters(db);
  if (letters.added) log.info("baseline letters loaded", { letters: letters.added });
  if (letters.offered) log.info("corrected baseline letters waiting for review", { letters: letters.offered });
  const services = await loadDefaultServices(db);
  if (services) log.info("default support services loaded", { services });

  const dataDir = path.resolve(env.DATA_DIR);
  if (embedded) await seedDemoAccounts(db, dataDir, { print: process.env.DEMO_ACCOUNTS !== "file" });

  // Each instance delivers the outbox; rows are claimed so none is sent twice.
  const publicHost = env.PUBLIC_URL ? new URL(env.PUBLIC_URL).host : `localhost:${env.PORT}`;
  const worker =
    process.env.OUTBOX_WORKER === "off"
      ? undefined
      : startOutboxWorker({
          db,
          transport: createTransport({
            smtpUrl: env.SMTP_URL,
            mailDir: path.join(dataDir, "mail"),
            from: env.MAIL_FROM,
            messageIdDomain: publicHost.replace(/:\d+$/, ""),
          }),
          leaseMs: env.OUTBOX_LEASE_MS,
        });

  const { handle } = createApp({
    build: build as unknown as ServerBuild,
    db,
    publicDir: path.join(root, "public"),
    hsts: env.HSTS === "on",
    publicHost: env.PUBLIC_URL ? new URL(env.PUBLIC_URL).host : undefined,
    trustProxy: env.TRUST_PROXY,
  });

  const stopRetention = scheduleRetention(db, env.QUERY_RETENTION_DAYS, (error) => log.error("query retention failed", describeError(error)));

  const server = http.createServer(handle);
  server.listen(env.PORT, env.HOST, () => {
    if (embedded) {
      const [running, local] = localModeMessage({ port: env.PORT, dataDir, cwd: process.cwd(), smtp: Boolean(env.SMTP_URL) });
      console.log(`\n${running}\n${local}\n`);
    } else {
      log.info("listening", { port: env.PORT });
    }
  });
  server.keepAliveTimeout = 65_000;

  let stopping = false;
  async function shutdown(signal: string) {
    if (stopping) return;
    stopping = true;
    log.info("shutting down", { signal });
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    // Finish requests in flight, refuse new ones, then release the database.
    await new Promise<void>((resolve) => server.close(() => resolve()));
    stopRetention();
    await worker?.stop().catch(() => {});
    await closeRateLimits().catch(() => {});
    await db.$disconnect().catch(() => {});
    await embedded?.stop().catch(() => {});
    process.exit(0);
  }
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

/** Secrets for local mode, made once and kept in the data directory. */
function localSecrets(dataDir: string, env: Env): Pick<Env, "SESSION_SECRET" | "ENCRYPTION_KEY"> {
  const file = path.join(dataDir, "local-secrets.json");
  fs.mkdirSync(dataDir, { recursive: true });
  let saved: Partial<Record<"SESSION_SECRET" | "ENCRYPTION_KEY", string>> = {};
  if (fs.existsSync(file)) saved = JSON.parse(fs.readFileSync(file, "utf8"));
  const secrets = {
    SESSION_SECRET: env.SESSION_SECRET ?? saved.SESSION_SECRET ?? crypto.randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: env.ENCRYPTION_KEY ?? saved.ENCRYPTION_KEY ?? crypto.randomBytes(32).toString("base64"),
  };
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

main().catch((error) => {
  log.error("the portal could not start", describeError(error));
  process.exit(1);
});
