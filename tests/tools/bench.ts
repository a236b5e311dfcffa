// The benchmark: `npm run bench`. Not part of the test suite.
//
//   npm run bench [-- --only=pages,inbox,queries,outbox,sign-in,lighthouse] [--duration=10]
//                    [--rate-duration=5] [--warmup=2] [--connections=50] [--users=300]
//                    [--messages=5000] [--lighthouse-runs=5] [--no-build]
//
// It builds the production server, starts it (production, local mode: the
// embedded PostgreSQL in a fresh temporary directory, free loopback ports,
// OUTBOX_WORKER=off) and measures, in this order, in one run:
//
//   pages       a walkthrough stage and an explainer topic, English and Welsh,
//               against a static server sending the same saved HTML
//               (tests/tools/bench/pages.ts);
//   inbox       an Area's inbox, signed in as its staff (inbox.ts);
//   queries     ISVA query submissions, checked in the database (queries.ts);
//   outbox      delivery of the queued mail by the worker to an SMTP server (outbox.ts);
//   sign-in     sign-in with the right password (sign-in.ts);
//   lighthouse  Lighthouse's mobile performance figures (lighthouse.ts).
//
// Servers run on the first CPU the process may use, the load generator and the
// SMTP sink on the second (with taskset, where there are two or more), and
// Chromium on every other one, or on both where there are only two
// (lighthouse.ts). It prints one table, with
// each figure set against the static server and its goal, and writes it as
// Markdown and JSON to bench/results/ (git-ignored). Everything listens on
// 127.0.0.1 only; everything started is stopped and the temporary directory
// removed at the end, on failure, on Ctrl-C and when the time limit passes.
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { type Context, type Options, type Row, SECTIONS, type Section } from "./bench/context.ts";
import { measureInbox } from "./bench/inbox.ts";
import { measureLighthouse } from "./bench/lighthouse.ts";
import { measureOutbox } from "./bench/outbox.ts";
import { PAGES, measurePages } from "./bench/pages.ts";
import {
  BROWSER_CPUS,
  CLIENT_CPU,
  HOST,
  RESULTS_DIR,
  ROOT,
  SERVER_BUILD,
  SERVER_CPU,
  STARTUP_TIMEOUT_MS,
  type Scope,
  canPin,
  embeddedDatabaseUrl,
  exited,
  freePorts,
  pinSelf,
  runBenchmark,
  runToEnd,
  startPortal,
  waitFor,
} from "./bench/processes.ts";
import { measureQueries } from "./bench/queries.ts";
import { type Meta, markdownReport } from "./bench/report.ts";
import { measureSignIn } from "./bench/sign-in.ts";

/** The whole run, build included, must end within this. */
const LIMIT_MS = 10 * 60_000;
/** Time kept back for writing the results and stopping everything. */
const WRAP_UP_MS = 40_000;
const BUILD_TIMEOUT_MS = 180_000;

function parseArgs(argv: string[]): Options {
  const options: Options = {
    only: [...SECTIONS],
    duration: 10,
    rateDuration: 5,
    warmup: 2,
    connections: 50,
    users: 300,
    messages: 5000,
    lighthouseRuns: 5,
    build: true,
  };
  const numbers = {
    duration: "duration",
    "rate-duration": "rateDuration",
    warmup: "warmup",
    connections: "connections",
    users: "users",
    messages: "messages",
    "lighthouse-runs": "lighthouseRuns",
  } as const;
  for (const arg of argv) {
    const number = /^--([a-z-]+)=(\d+)$/.exec(arg);
    const only = /^--only=([a-z,-]+)$/.exec(arg);
    if (number && number[1]! in numbers) {
      options[numbers[number[1] as keyof typeof numbers]] = Number(number[2]);
    } else if (only) {
      const chosen = only[1]!.split(",").filter(Boolean);
      const unknown = chosen.filter((name) => !SECTIONS.includes(name as Section));
      if (unknown.length) throw new Error(`Unknown part(s): ${unknown.join(", ")}. Choose from ${SECTIONS.join(", ")}.`);
      options.only = SECTIONS.filter((name) => chosen.includes(name));
    } else if (arg === "--no-build") {
      options.build = false;
    } else {
      throw new Error(
        `Unknown argument: ${arg}. Use --only=${SECTIONS.join(",")}, --no-build, ` +
          `${Object.keys(numbers).map((name) => `--${name}=`).join(", ")}.`,
      );
    }
  }
  for (const name of ["duration", "rateDuration", "connections", "users", "messages", "lighthouseRuns"] as const) {
    if (options[name] < 1) throw new Error("Durations, connections, users, messages and runs must be at least 1.");
  }
  return options;
}

const MEASURES: Record<Section, string> = {
  pages: "Public pages",
  inbox: "Area inbox and a query's page, signed in",
  queries: "ISVA query submission",
  outbox: "Outbox delivery to a local SMTP server",
  "sign-in": "Sign-in (argon2id)",
  lighthouse: "Lighthouse, mobile",
};

/** About how long a part takes when all goes well (the outbox: at 50 messages a second). */
function expectedSeconds(section: Section, options: Options) {
  const http = options.warmup + options.duration + options.rateDuration + 3;
  switch (section) {
    case "pages":
      return PAGES.length * (http + options.duration + options.warmup);
    case "inbox":
      // The inbox and a query's page, each with its profiled run.
      return 2 * (http + 5) + 5;
    case "queries":
      return http + 10;
    case "sign-in":
      return http + 5;
    case "outbox":
      return options.messages / 50 + 10;
    case "lighthouse":
      return 2 * options.lighthouseRuns * 8 + 5;
  }
}

function packageVersion(name: string) {
  try {
    return (createRequire(import.meta.url)(`${name}/package.json`) as { version: string }).version;
  } catch {
    return "?";
  }
}

async function main(options: Options, scope: Scope) {
  const began = performance.now();
  let buildSeconds: number | undefined;
  if (options.build) {
    console.log("Building the production server (npm run build)…");
    await runToEnd("npm run build", ["npm", ["run", "build"]], process.env, BUILD_TIMEOUT_MS);
    buildSeconds = (performance.now() - began) / 1000;
  }
  if (!fs.existsSync(SERVER_BUILD)) throw new Error("There is no production build (build/index.js): run without --no-build.");
  // This process runs the SMTP sink and the browser: keep it off the servers' CPU.
  pinSelf(CLIENT_CPU);

  const dir = scope.tempDir("portal-bench-");
  const [port, pgPort] = (await freePorts(2)) as [number, number];
  const portalUrl = `http://${HOST}:${port}`;
  console.log(`Starting the portal on ${portalUrl} (embedded PostgreSQL on port ${pgPort})…`);
  const portal = startPortal(dir, port, pgPort, { DEMO_ACCOUNTS: "file", OUTBOX_WORKER: "off" });
  await waitFor(`${portalUrl}/healthz`, portal, STARTUP_TIMEOUT_MS);

  const db = new pg.Client({ connectionString: embeddedDatabaseUrl(pgPort) });
  await db.connect();
  scope.defer(() => db.end());

  const ctx: Context = {
    options,
    scope,
    dir,
    portalUrl,
    portalPid: portal.child.pid,
    pgPort,
    db,
    staticMax: undefined,
    deadline: began + LIMIT_MS - WRAP_UP_MS,
    reserveFor: (section) => {
      const later = options.only.slice(options.only.indexOf(section) + 1);
      return later.reduce((sum, name) => sum + expectedSeconds(name, options), 0);
    },
    log: (line) => console.log(`  ${line}`),
  };
  const pinning = canPin
    ? `yes, with taskset: the portal, its PostgreSQL, the static server and the outbox worker on CPU ${SERVER_CPU}; autocannon and the SMTP sink on CPU ${CLIENT_CPU}; Chromium, with no load generator running, on CPU${BROWSER_CPUS.length > 1 ? "s" : ""} ${BROWSER_CPUS.join(", ")} (Lighthouse stands for a phone with several cores)`
    : "no (taskset or a second CPU is not available)";
  console.log(`CPU pinning: ${pinning}.`);

  const rows: Row[] = [];
  let staticServer: string | undefined;
  const httpParts = options.only.filter((name) => name !== "lighthouse" && name !== "pages");
  const run = async (section: Section, work: () => Promise<Row | Row[]>) => {
    scope.checkNotStopped();
    console.log(`\n${MEASURES[section]}…`);
    try {
      if (exited(portal.child)) throw new Error(`the portal has stopped:\n${portal.log.slice(-20).join("\n")}`);
      const result = await work();
      rows.push(...(Array.isArray(result) ? result : [result]));
    } catch (error) {
      scope.checkNotStopped();
      const message = error instanceof Error ? error.message : String(error);
      console.error(`  failed: ${message}`);
      rows.push({ section, measure: MEASURES[section], result: "failed", goal: "", met: false, problems: [message] });
    }
  };

  // The static server's maximum comes first: the other figures are set against it.
  if (options.only.includes("pages") || httpParts.length) {
    const referenceOnly = !options.only.includes("pages");
    await run("pages", async () => {
      const { rows: pageRows, reference } = await measurePages(ctx, { referenceOnly });
      staticServer = reference.kind;
      return pageRows;
    });
  }
  if (options.only.includes("inbox")) await run("inbox", () => measureInbox(ctx));
  if (options.only.includes("queries")) await run("queries", () => measureQueries(ctx));
  if (options.only.includes("outbox")) await run("outbox", () => measureOutbox(ctx));
  if (options.only.includes("sign-in")) await run("sign-in", () => measureSignIn(ctx));
  if (options.only.includes("lighthouse")) await run("lighthouse", () => measureLighthouse(ctx));

  const browser = rows.map((row) => (row.details as { browser?: string } | undefined)?.browser).find(Boolean);
  const meta: Meta = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "unknown CPU"}`,
    pinning,
    staticServer,
    staticMax: ctx.staticMax,
    autocannon: packageVersion("autocannon"),
    lighthouse: packageVersion("lighthouse"),
    browser,
    connections: options.connections,
    duration: options.duration,
    rateDuration: options.rateDuration,
    warmup: options.warmup,
    messages: options.messages,
    lighthouseRuns: options.lighthouseRuns,
    sections: options.only,
    buildSeconds,
    runSeconds: (performance.now() - began) / 1000,
  };
  const markdown = markdownReport(rows, meta);
  console.log(`\n${markdown}\n`);

  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const base = path.join(RESULTS_DIR, `bench-${meta.date.replace(/[:.]/g, "-")}`);
  fs.writeFileSync(`${base}.json`, `${JSON.stringify({ meta, pages: PAGES, rows }, null, 2)}\n`);
  fs.writeFileSync(`${base}.md`, `# RASSO portal benchmark\n\n${meta.date}\n\n${markdown}\n`);
  console.log(`Written ${path.relative(ROOT, base)}.md and .json`);
  if (rows.some((row) => row.problems.length)) process.exitCode = 1;
}

let options: Options;
try {
  options = parseArgs(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
await runBenchmark((scope) => main(options, scope), { limitMs: LIMIT_MS });
