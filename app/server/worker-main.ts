// The outbox worker on its own (npm run worker), for deployments that prefer
// to deliver mail from a separate process. Needs DATABASE_URL.
import path from "node:path";
import { createTransport } from "../features/mail/transport.server.ts";
import { startOutboxWorker } from "../features/mail/worker.server.ts";
import { setEnv } from "../utils/config.server.ts";
import { connectDb } from "../utils/db.server.ts";
import { ConfigError, parseEnv } from "../utils/env.server.ts";
import { log } from "../utils/logger.server.ts";

try {
  const env = parseEnv();
  if (!env.DATABASE_URL) throw new ConfigError(["DATABASE_URL: required to run the worker on its own"]);
  setEnv(env);
  const db = connectDb(env.DATABASE_URL, { max: 2 });
  const worker = startOutboxWorker({
    db,
    transport: createTransport({
      smtpUrl: env.SMTP_URL,
      mailDir: path.resolve(env.DATA_DIR, "mail"),
      from: env.MAIL_FROM,
      messageIdDomain: env.PUBLIC_URL ? new URL(env.PUBLIC_URL).hostname : "localhost",
    }),
    leaseMs: env.OUTBOX_LEASE_MS,
  });
  log.info("outbox worker started");
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, async () => {
      await worker.stop();
      await db.$disconnect();
      process.exit(0);
    });
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
