// Two instances of the built portal sharing one database, as in production
// behind a load balancer: one embedded PostgreSQL in a temporary directory,
// one SMTP sink that keeps every message it receives, and two
// `node build/index.js` processes (NODE_ENV=production, DATABASE_URL set, so
// the production settings are required and given test values). Both start at
// the same time, so the migrations are applied by whichever takes the advisory
// lock first. Everything listens on 127.0.0.1, on free ports; stop() ends
// every process and removes the directory, each step bounded in time.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../app/utils/embedded-postgres.server.ts";
import { HOST, SERVER_BUILD, freePorts, start, stop, waitFor } from "../tools/bench/processes.ts";
import { startSmtpSink } from "./smtp.ts";

const STARTUP_TIMEOUT_MS = 60_000;
const DATABASE_STOP_TIMEOUT_MS = 15_000;

export type Instance = {
  name: string;
  /** http://127.0.0.1:port, without a trailing slash. */
  url: string;
  /** How many of the instance's log lines have this message. */
  logged: (message: string) => number;
  /** Messages this instance's outbox worker claimed, from its "outbox batch" log lines. */
  claimed: () => number;
  /** The instance's output, for a failing test's report. */
  output: () => string;
};

export type Instances = {
  a: Instance;
  b: Instance;
  /** A pool on the shared database, for arranging and checking rows. */
  db: pg.Pool;
  smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  stop: () => Promise<void>;
};

type Running = { instance: Instance; server: ReturnType<typeof start> };

function startInstance(name: string, dir: string, port: number, env: Record<string, string>): Running {
  const url = `http://${HOST}:${port}`;
  const server = start(`instance ${name}`, [process.execPath, [SERVER_BUILD]], {
    env: {
      ...process.env,
      ...env,
      NODE_ENV: "production",
      HOST,
      PORT: String(port),
      PUBLIC_URL: url,
      DATA_DIR: path.join(dir, `instance-${name.toLowerCase()}`),
      HSTS: "off",
      LOG_LEVEL: "info",
      LOG_REQUESTS: "off",
      OUTBOX_WORKER: "on",
    },
  });
  const lines: string[] = [];
  const messages = new Map<string, number>();
  let claimed = 0;
  let partial = "";
  server.child.stdout?.on("data", (chunk: Buffer) => {
    const text = partial + chunk.toString();
    const complete = text.split("\n");
    partial = complete.pop() ?? "";
    for (const line of complete) {
      lines.push(line);
      let entry: { message?: string; claimed?: number };
      try {
        entry = JSON.parse(line);
      } catch {
        continue; // Not a log line.
      }
      if (typeof entry.message === "string") messages.set(entry.message, (messages.get(entry.message) ?? 0) + 1);
      if (entry.message === "outbox batch") claimed += Number(entry.claimed ?? 0);
    }
  });
  server.child.stderr?.on("data", (chunk: Buffer) => lines.push(chunk.toString().trimEnd()));
  const instance: Instance = {
    name,
    url,
    logged: (message) => messages.get(message) ?? 0,
    claimed: () => claimed,
    output: () => lines.slice(-100).join("\n"),
  };
  return { instance, server };
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export async function startInstances(): Promise<Instances> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-instances-"));
  // Run as root, PostgreSQL runs as its own user: it must be able to reach into the directory.
  if (process.getuid?.() === 0) fs.chmodSync(dir, 0o755);
  let database: EmbeddedDatabase | undefined;
  let smtp: Instances["smtp"] | undefined;
  let pool: pg.Pool | undefined;
  const running: Running[] = [];

  // A test run killed part-way must not leave the instances running.
  const killOnExit = () => {
    for (const { server } of running) {
      if (server.child.pid && server.child.exitCode === null) {
        try {
          process.kill(-server.child.pid, "SIGKILL");
        } catch {
          // Already gone.
        }
      }
    }
  };
  process.once("exit", killOnExit);

  const stopAll = async () => {
    const problems: unknown[] = [];
    const attempt = async (work: () => Promise<unknown> | undefined) => {
      try {
        await work();
      } catch (error) {
        problems.push(error);
      }
    };
    await attempt(() => pool?.end());
    // Instances first: they finish their requests and release the database.
    await Promise.all(running.map(({ server }) => attempt(() => stop(server.child))));
    await attempt(() => smtp && withTimeout(smtp.close(), 5_000, "the SMTP sink"));
    await attempt(() => database && withTimeout(database.stop(), DATABASE_STOP_TIMEOUT_MS, "PostgreSQL"));
    process.removeListener("exit", killOnExit);
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    if (problems.length) throw new AggregateError(problems, "The instances did not all stop cleanly.");
  };

  try {
    const [pgPort, portA, portB] = (await freePorts(3)) as [number, number, number];
    database = await startEmbeddedPostgres({ dataDir: path.join(dir, "postgres"), port: pgPort, ephemeral: true });
    smtp = await startSmtpSink();
    // What every instance behind one load balancer shares.
    const shared = {
      DATABASE_URL: database.url,
      SESSION_SECRET: crypto.randomBytes(32).toString("base64url"),
      ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
      SMTP_URL: smtp.url,
    };
    running.push(startInstance("A", dir, portA, shared), startInstance("B", dir, portB, shared));
    await Promise.all(
      running.map(({ instance, server }) => waitFor(`${instance.url}/healthz`, server, STARTUP_TIMEOUT_MS)),
    );
    pool = new pg.Pool({ connectionString: database.url, max: 4 });
    return { a: running[0]!.instance, b: running[1]!.instance, db: pool, smtp, stop: stopAll };
  } catch (error) {
    await stopAll().catch(() => {});
    throw error;
  }
}
