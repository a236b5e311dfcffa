// How many ISVA queries the built portal accepts per second through the whole
// stack (session, CSRF check, validation, routing, rate limit, the transaction
// that stores the query and queues its two e-mails, the redirect), set against
// a public page served by the same server in the same run. Not part of the
// test suite.
//
//   npm run build
//   npx tsx tests/tools/bench-queries.ts [--duration=10] [--connections=20] [--page-connections=50] [--warmup=2] [--users=120]
//
// It starts `node build/index.js` the way bench-pages.ts does (production,
// local mode, a fresh temporary DATA_DIR, free loopback ports), with
// DEMO_ACCOUNTS=file and OUTBOX_WORKER=off so that e-mail delivery does not
// compete with the requests being measured. It then writes ISVA accounts and a
// fully signed-in session for each straight into the embedded database: one
// ISVA may send only a limited number of queries an hour, so the load is
// spread over many accounts. autocannon, in its own Node process (pinned to
// CPU 1 where `taskset` is available, the portal and its database on CPU 0),
// measures:
//
//   1. GET /walkthrough/charging-decision (gzip), 50 connections, the baseline;
//   2. POST /isva/queries/new with intent=send, 20 connections, each request
//      taking the next session in turn. Only redirects to the new query
//      (3xx, Location /isva/queries/Q-…?sent=1) count as submissions; any other
//      answer makes the run fail.
//
// The page is warmed up for --warmup seconds; submissions are warmed up with
// two per ISVA, which count against the hourly allowance (by default 120 ISVAs
// × 60 queries), so one run can measure at most about 696 submissions a
// second: beyond that, --users must grow.
//
// Afterwards it checks in the database that every submission was stored, with
// exactly two outbox e-mails each. autocannon drops the requests still in
// flight when its clock stops and the portal completes them, so those are
// expected in the database too. Results are printed and written to
// bench/results/ (git-ignored). Everything listens on 127.0.0.1 only, and
// everything started here is stopped, and the temporary directory removed, at
// the end.
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { LIMITS } from "../../app/features/security/rate-limit.server.ts";
import { createSignedInAccounts } from "../setup/signed-in.ts";
import {
  HOST,
  RESULTS_DIR,
  ROOT,
  SERVER_BUILD,
  STARTUP_TIMEOUT_MS,
  STOP_TIMEOUT_MS,
  canPin,
  cleanUp as stopChildren,
  freePorts,
  pinned,
  sleep,
  start,
  startPortal,
  stop,
  waitFor,
} from "./bench-pages.ts";

const GOAL_PER_SECOND = 300;
const PAGE_PATH = "/walkthrough/charging-decision";
const QUERY_PATH = "/isva/queries/new";
/** Where a stored query sends the browser: the new query's page. */
const SENT_LOCATION = "^/isva/queries/Q-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}\\?sent=1$";
/** Queries one ISVA may send in an hour: the portal's own limit. */
const PER_USER_LIMIT = LIMITS.querySend.points;
/** Warm-up submissions per ISVA, sent before the measured run (they use up part of each ISVA's allowance). */
const WARMUP_PER_USER = 2;
const FORCE_ID = "lancashire";
const CATEGORY = "CASE_PROGRESS";
// About 300 characters, like a real question (no real case details).
const QUESTION =
  "Could you tell me whether the file has gone to a CPS lawyer for a charging decision yet, and if so roughly " +
  "when a decision is expected? The person I support has heard nothing for six weeks and is finding the wait " +
  "hard. She would also like to know whether special measures can be asked for now or only once there is a trial date.";
const DB_SETTLE_MS = 15_000;

type Options = { duration: number; connections: number; pageConnections: number; warmup: number; users: number };
type Stats = { average: number; mean: number; p50: number; p99: number; max: number; total: number };
type Phase = {
  phase: string;
  /** Seconds, as autocannon measured them. */
  duration: number;
  requests: Stats;
  latency: Stats;
  throughput: Stats;
  /** Requests written, and responses received. */
  sent: number;
  completed: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  "2xx": number;
  "3xx": number;
  /** Submissions only: redirects elsewhere than to a new query, and the first answer that was not a redirect. */
  badLocations?: number;
  badLocationSample?: string;
  failureSample?: { status: number; body: string };
};
type LoadResult = { page: Phase; pageWarmup?: Phase; warmup: Phase; queries?: Phase; aborted?: string };
type DbCheck = {
  queries: number;
  outbox: number;
  queriesWithoutTwoMails: number;
  expectedQueries: number;
  ok: boolean;
};

function parseArgs(argv: string[]): Options {
  const options: Options = { duration: 10, connections: 20, pageConnections: 50, warmup: 2, users: 120 };
  const names = { duration: "duration", connections: "connections", "page-connections": "pageConnections", warmup: "warmup", users: "users" } as const;
  for (const arg of argv) {
    const flag = /^--(duration|connections|page-connections|warmup|users)=(\d+)$/.exec(arg);
    if (!flag) {
      throw new Error(`Unknown argument: ${arg}. Use --duration=, --connections=, --page-connections=, --warmup=, --users=.`);
    }
    options[names[flag[1] as keyof typeof names]] = Number(flag[2]);
  }
  if (options.duration < 1 || options.connections < 1 || options.pageConnections < 1 || options.users < 1) {
    throw new Error("--duration, --connections, --page-connections and --users must be at least 1.");
  }
  if (options.users * WARMUP_PER_USER < options.connections) {
    throw new Error(`--users=${options.users} is too few for ${options.connections} connections.`);
  }
  return options;
}

// ---------------------------------------------------------------- clean-up

let tempDir: string | undefined;
let database: pg.Client | undefined;

async function cleanUp() {
  await database?.end().catch(() => {});
  database = undefined;
  await stopChildren();
  if (tempDir) {
    fs.rmSync(tempDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    tempDir = undefined;
  }
}

// ---------------------------------------------------------------- accounts

type BenchSession = { cookie: string; body: string };

/**
 * ISVA accounts that have finished signing up (e-mail verified, approved,
 * second factor set up) and a session for each that has passed both sign-in
 * steps, each with the form it will send.
 */
async function createSessions(db: pg.Client, count: number): Promise<BenchSession[]> {
  const accounts = Array.from({ length: count }, (_, i) => {
    const number = String(i + 1).padStart(3, "0");
    return {
      email: `bench-isva-${number}@isva-service.example`,
      name: `Bench ISVA ${number}`,
      roles: ["ISVA" as const],
      organisation: "Example ISVA Service",
    };
  });
  return (await createSignedInAccounts(db, accounts)).map(({ cookie, csrf }) => ({
    cookie,
    body: new URLSearchParams({ csrf, intent: "send", forceId: FORCE_ID, category: CATEGORY, question: QUESTION, consent: "yes" }).toString(),
  }));
}

// ---------------------------------------------------------------- load

// Runs in its own Node process (pinned to CPU 1 where possible) and prints the
// results as JSON. Submissions take sessions from one counter shared by all
// connections, so every connection goes round all the sessions and no two
// requests in flight belong to the same ISVA unless there are more
// connections than ISVAs.
const LOAD_RUNNER = `
const autocannon = require(process.env.AUTOCANNON_PATH);
const plan = JSON.parse(process.env.BENCH_PLAN);
const sent = new RegExp(plan.queries.location);
const stats = (s) => ({ average: s.average, mean: s.mean, p50: s.p50, p99: s.p99, max: s.max, total: s.total });
const summary = (phase, r, extra) => ({
  phase,
  duration: r.duration,
  requests: stats(r.requests),
  latency: stats(r.latency),
  throughput: stats(r.throughput),
  sent: r.requests.sent,
  completed: r.requests.total,
  errors: r.errors,
  timeouts: r.timeouts,
  statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count])),
  "2xx": r["2xx"],
  "3xx": r["3xx"],
  ...extra,
});
const progress = (line) => process.stderr.write("  " + line + "\\n");

function page(phase, duration) {
  const p = plan.page;
  return autocannon({ url: p.url, connections: p.connections, duration, headers: p.headers, timeout: 10 })
    .then((r) => summary(phase, r));
}

let next = 0;
function submissions(phase, limit) {
  const q = plan.queries;
  const seen = { badLocations: 0 };
  const request = {
    method: "POST",
    path: q.path,
    setupRequest: (req) => {
      const session = q.sessions[next++ % q.sessions.length];
      return { ...req, headers: { ...req.headers, Cookie: session.cookie }, body: session.body };
    },
    onResponse: (status, body, _context, headers) => {
      if (status >= 300 && status < 400) {
        const name = Object.keys(headers).find((key) => key.toLowerCase() === "location");
        const location = String(name ? headers[name] : "");
        if (!sent.test(location)) {
          seen.badLocations++;
          if (seen.badLocationSample === undefined) seen.badLocationSample = location;
        }
      } else if (!seen.failureSample) {
        seen.failureSample = { status, body: String(body ?? "").slice(0, 800) };
      }
    },
  };
  return autocannon({ url: q.origin, connections: q.connections, headers: q.headers, requests: [request], timeout: 10, ...limit })
    .then((r) => summary(phase, r, seen));
}

const clean = (r) => r.errors === 0 && r.timeouts === 0 && r["3xx"] === r.completed && r.badLocations === 0;

(async () => {
  const out = {};
  progress("page: " + plan.page.warmup + " s warm-up, then " + plan.duration + " s");
  if (plan.page.warmup > 0) out.pageWarmup = await page("page warm-up", plan.page.warmup);
  out.page = await page("page", plan.duration);
  progress("submissions: " + plan.queries.warmupAmount + " warm-up submissions, then " + plan.duration + " s");
  out.warmup = await submissions("submission warm-up", { amount: plan.queries.warmupAmount });
  if (!clean(out.warmup)) {
    out.aborted = "the warm-up submissions were not all redirected to a new query";
  } else {
    out.queries = await submissions("submissions", { duration: plan.duration });
  }
  process.stdout.write(JSON.stringify(out));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;

async function runLoad(portalUrl: string, sessions: BenchSession[], options: Options): Promise<LoadResult> {
  const plan = {
    duration: options.duration,
    page: {
      url: `${portalUrl}${PAGE_PATH}`,
      connections: options.pageConnections,
      warmup: options.warmup,
      headers: { "accept-encoding": "gzip" },
    },
    queries: {
      origin: portalUrl,
      path: QUERY_PATH,
      connections: options.connections,
      warmupAmount: sessions.length * WARMUP_PER_USER,
      location: SENT_LOCATION,
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin" },
      sessions,
    },
  };
  const env = {
    ...process.env,
    AUTOCANNON_PATH: createRequire(import.meta.url).resolve("autocannon"),
    BENCH_PLAN: JSON.stringify(plan),
  };
  const runner = start("autocannon", pinned(process.execPath, ["-e", LOAD_RUNNER], 1), { env });
  runner.child.stderr?.on("data", (chunk: Buffer) => process.stdout.write(chunk));
  const chunks: Buffer[] = [];
  runner.child.stdout?.on("data", (chunk: Buffer) => chunks.push(chunk));
  const limitMs = (options.warmup + 2 * options.duration + 90) * 1000;
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => void stop(runner.child), limitMs);
    runner.child.once("exit", (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  if (code !== 0) throw new Error(`autocannon failed (exit code ${code}):\n${runner.log.join("\n")}`);
  return JSON.parse(Buffer.concat(chunks).toString()) as LoadResult;
}

// ---------------------------------------------------------------- checks

const count = async (db: pg.Client, sql: string) => Number((await db.query<{ n: string }>(sql)).rows[0]!.n);

/**
 * Waits until no more queries are being stored: autocannon closes its
 * connections when the clock stops without waiting for the requests still in
 * flight, and the portal finishes those.
 */
async function settledQueryCount(db: pg.Client) {
  const deadline = Date.now() + DB_SETTLE_MS;
  let last = await count(db, "SELECT count(*) AS n FROM isva_query");
  while (Date.now() < deadline) {
    await sleep(500);
    const now = await count(db, "SELECT count(*) AS n FROM isva_query");
    if (now === last) return now;
    last = now;
  }
  return last;
}

async function checkDatabase(db: pg.Client, expectedQueries: number): Promise<DbCheck> {
  const queries = await settledQueryCount(db);
  const outbox = await count(db, "SELECT count(*) AS n FROM outbox_message");
  const queriesWithoutTwoMails = await count(
    db,
    `SELECT count(*) AS n FROM isva_query q
      WHERE (SELECT count(*) FROM outbox_message m
              WHERE m.idempotency_key IN ('query-received:' || q.id, 'query-acknowledged:' || q.id)) <> 2`,
  );
  return {
    queries,
    outbox,
    queriesWithoutTwoMails,
    expectedQueries,
    ok: queries === expectedQueries && outbox === 2 * queries && queriesWithoutTwoMails === 0,
  };
}

/** The page cache keeps only pages whose single Cache-Control value starts with "public". */
function pageCacheWarning(cacheControl: string) {
  return (
    `${PAGE_PATH} answers with Cache-Control "${cacheControl || "(none)"}", so the portal's public page cache ` +
    "does not keep it and every request renders the page again: the baseline is far below a static page's usual rate."
  );
}

/** Everything that went wrong with the requests of a phase, or nothing. */
function problems(phase: Phase | undefined, expect: "2xx" | "3xx"): string[] {
  if (!phase) return [];
  const found: string[] = [];
  const other = Object.entries(phase.statusCodes).filter(([code]) => code[0] !== expect[0]);
  if (other.length) found.push(`${phase.phase}: ${other.map(([code, n]) => `${n} × ${code}`).join(", ")} (not ${expect})`);
  else if (phase[expect] !== phase.completed) found.push(`${phase.phase}: ${phase[expect]} of ${phase.completed} answers were ${expect}`);
  if (phase.errors || phase.timeouts) found.push(`${phase.phase}: ${phase.errors} errors, of which ${phase.timeouts} timeouts`);
  if (phase.badLocations) {
    found.push(`${phase.phase}: ${phase.badLocations} redirects not to a new query (for example to ${phase.badLocationSample || "nowhere"})`);
  }
  if (phase.failureSample) {
    const { status, body } = phase.failureSample;
    found.push(`${phase.phase}: first answer that was not a redirect: ${status}\n${body.replace(/\s+/g, " ").trim()}`);
    if (status === 429) {
      found.push(
        `${phase.phase}: 429 means an ISVA reached the limit of ${PER_USER_LIMIT} queries an hour; ` +
          "run with more --users (the portal was faster than the accounts allow).",
      );
    }
  }
  return found;
}

// ---------------------------------------------------------------- report

const whole = (n: number) => n.toLocaleString("en-GB", { maximumFractionDigits: 0 });

function ratioText(ratio: number) {
  if (!ratio) return "0";
  return `${ratio.toPrecision(3)} (1 : ${whole(1 / ratio)})`;
}

type Summary = {
  submissionsPerSecond: number;
  submissions: number;
  p50: number;
  p99: number;
  pagePerSecond: number;
  ratio: number;
  goalMet: boolean;
};

function report(summary: Summary, check: DbCheck, load: LoadResult, meta: Record<string, unknown>, failures: string[]) {
  const queries = load.queries!;
  const lines = [
    "| Submissions/s | p50 | p99 | Static page requests/s | Ratio (submissions/page) |",
    "| ---: | ---: | ---: | ---: | ---: |",
    `| ${whole(summary.submissionsPerSecond)} | ${summary.p50} ms | ${summary.p99} ms | ` +
      `${whole(summary.pagePerSecond)} | ${ratioText(summary.ratio)} |`,
    "",
    `Goal: at least ${GOAL_PER_SECOND} submissions a second — ${summary.goalMet ? "met" : "**not met**"}.`,
    "",
    `Submissions: ${whole(summary.submissions)} redirects to a new query in ${queries.duration} s ` +
      `(POST ${QUERY_PATH}, ${meta.connections} connections, ${meta.users} ISVAs in turn, ` +
      `after ${whole(load.warmup["3xx"])} warm-up submissions). ` +
      `Static page: GET ${PAGE_PATH} with accept-encoding: gzip, ${meta.pageConnections} connections, ` +
      `${load.page.duration} s after a ${meta.warmup} s warm-up, ${whole(load.page["2xx"])} responses.`,
    `Database: ${whole(check.queries)} isva_query rows (expected ${whole(check.expectedQueries)}: every redirect, ` +
      `warm-up included, plus ${whole(check.expectedQueries - load.warmup["3xx"] - summary.submissions)} requests ` +
      `in flight when the clock stopped), ${whole(check.outbox)} outbox_message rows ` +
      `(${check.queriesWithoutTwoMails === 0 ? "exactly two per query" : `${check.queriesWithoutTwoMails} queries without exactly two`}) — ` +
      `${check.ok ? "consistent" : "**inconsistent**"}.`,
    `Server: node build/index.js, NODE_ENV=production, embedded PostgreSQL, OUTBOX_WORKER=off (e-mail is queued ` +
      `but not delivered, so delivery does not compete), LOG_LEVEL=warn. CPU pinning: ${meta.pinning}. ` +
      `Allowance: ${meta.users} ISVAs × ${PER_USER_LIMIT} queries an hour = ${whole(Number(meta.allowance))} ` +
      `submissions in all, so at most about ${whole(Number(meta.ceiling))} a second can be measured. ` +
      `Node ${meta.node}, ${meta.cpus}.`,
  ];
  if (!meta.pageCacheable) lines.push("", `**Warning:** ${pageCacheWarning(String(meta.pageCacheControl))}`);
  if (failures.length) lines.push("", "**FAILED** — these numbers are not valid:", ...failures.map((f) => `- ${f}`));
  return lines.join("\n");
}

// ---------------------------------------------------------------- main

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(SERVER_BUILD)) {
    console.error("There is no production build (build/index.js). Run `npm run build` first.");
    process.exitCode = 1;
    return;
  }

  // Start-up, accounts, the load itself, the checks and shutdown: never runs for ever.
  const limitMs = STARTUP_TIMEOUT_MS + (options.warmup + 2 * options.duration + 90) * 1000 + DB_SETTLE_MS + 4 * STOP_TIMEOUT_MS;
  const watchdog = setTimeout(() => {
    console.error(`The benchmark did not finish within ${Math.round(limitMs / 1000)} s; stopping.`);
    void cleanUp().finally(() => process.exit(2));
  }, limitMs);
  watchdog.unref();

  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-bench-queries-"));
  // Run as root, PostgreSQL runs as its own user: it must be able to reach into the directory.
  if (process.getuid?.() === 0) fs.chmodSync(tempDir, 0o755);

  const [port, pgPort] = (await freePorts(2)) as [number, number];
  const portalUrl = `http://${HOST}:${port}`;
  console.log(`Starting the portal on ${portalUrl} (embedded PostgreSQL on port ${pgPort})…`);
  console.log("OUTBOX_WORKER=off: queued e-mail is not delivered during the run, so delivery does not compete.");
  const portal = startPortal(tempDir, port, pgPort, { DEMO_ACCOUNTS: "file", OUTBOX_WORKER: "off" });
  await waitFor(`${portalUrl}/healthz`, portal, STARTUP_TIMEOUT_MS);

  // The first request renders the page (and fills the public page cache); the second shows what the load will get.
  let pageCacheControl = "";
  for (let i = 0; i < 2; i++) {
    const page = await fetch(`${portalUrl}${PAGE_PATH}`, { redirect: "manual", signal: AbortSignal.timeout(10_000) });
    await page.arrayBuffer();
    if (page.status !== 200) throw new Error(`${PAGE_PATH} answered ${page.status}, not 200.`);
    pageCacheControl = page.headers.get("cache-control") ?? "";
  }
  const pageCacheable = pageCacheControl.startsWith("public") && !pageCacheControl.includes("no-store");
  if (!pageCacheable) console.log(`Warning: ${pageCacheWarning(pageCacheControl)}`);

  database = new pg.Client({ connectionString: `postgresql://portal:portal-local-only@${HOST}:${pgPort}/portal` });
  await database.connect();
  const before = await count(database, "SELECT count(*) AS n FROM isva_query");
  if (before !== 0) throw new Error(`The fresh database already holds ${before} queries.`);
  const sessions = await createSessions(database, options.users);
  console.log(`Created ${sessions.length} ISVA accounts, each signed in with its own session.`);

  const allowance = options.users * PER_USER_LIMIT;
  const ceiling = (allowance - options.users * WARMUP_PER_USER) / options.duration;
  const pinning = canPin ? "yes (portal and database on CPU 0, autocannon on CPU 1, with taskset)" : "no (taskset or a second CPU not available)";
  console.log(`CPU pinning: ${pinning}. Measuring…`);
  const load = await runLoad(portalUrl, sessions, options);

  const failures = [...problems(load.pageWarmup, "2xx"), ...problems(load.page, "2xx"), ...problems(load.warmup, "3xx"), ...problems(load.queries, "3xx")];
  if (load.aborted || !load.queries) {
    throw new Error(`Stopped before the measured run: ${load.aborted ?? "no results"}.\n${failures.join("\n")}`);
  }

  const queries = load.queries;
  const inFlight = (phase: Phase) => Math.max(0, phase.sent - phase.completed);
  const expectedQueries = load.warmup["3xx"] + queries["3xx"] + inFlight(load.warmup) + inFlight(queries);
  const check = await checkDatabase(database, expectedQueries);
  await database.end();
  database = undefined;
  if (!check.ok) {
    failures.push(
      `database: ${check.queries} isva_query rows where ${expectedQueries} were expected, ${check.outbox} outbox_message rows ` +
        `where ${2 * check.queries} were expected, ${check.queriesWithoutTwoMails} queries without exactly two e-mails`,
    );
  }

  const submissionsPerSecond = queries["3xx"] / queries.duration;
  const pagePerSecond = load.page["2xx"] / load.page.duration;
  const summary: Summary = {
    submissionsPerSecond,
    submissions: queries["3xx"],
    p50: queries.latency.p50,
    p99: queries.latency.p99,
    pagePerSecond,
    ratio: pagePerSecond ? submissionsPerSecond / pagePerSecond : 0,
    goalMet: failures.length === 0 && submissionsPerSecond >= GOAL_PER_SECOND,
  };
  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "unknown CPU"}`,
    pinning,
    duration: options.duration,
    warmup: options.warmup,
    connections: options.connections,
    pageConnections: options.pageConnections,
    users: options.users,
    allowance,
    ceiling,
    outboxWorker: "off",
    pageCacheControl,
    pageCacheable,
    goalPerSecond: GOAL_PER_SECOND,
  };
  const markdown = report(summary, check, load, meta, failures);
  console.log(`\n${markdown}\n`);

  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const base = path.join(RESULTS_DIR, `queries-${meta.date.replace(/[:.]/g, "-")}`);
  fs.writeFileSync(`${base}.json`, `${JSON.stringify({ ...meta, summary, database: check, failures, load }, null, 2)}\n`);
  fs.writeFileSync(`${base}.md`, `# ISVA query submissions against a static page\n\n${meta.date}\n\n${markdown}\n`);
  console.log(`Written ${path.relative(ROOT, base)}.json and .md`);
  if (failures.length) {
    console.error(`FAILED: ${failures.length} problem(s), listed above.`);
    process.exitCode = 1;
  }
  clearTimeout(watchdog);
}

let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: stopping the servers…`);
    void cleanUp().finally(() => process.exit(130));
  });
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
