// Where a request's time goes, measured rather than guessed: a second portal
// process on the same database, started with Node's CPU profiler, is loaded at
// saturation; its samples inside that run are summed by what they belong to
// (route matching, rendering, translation, the database client, compression,
// network writes, the portal's own code, garbage collection), the statements
// transactions PostgreSQL committed are counted from its statistics, and the CPU that
// PostgreSQL's processes used in the same run is read from /proc. The main
// portal is measured without the profiler, so its figures carry no overhead.
import fs from "node:fs";
import path from "node:path";
import { type Context, whole } from "./context.ts";
import { type LoadSpec, runLoad } from "./load.ts";
import { HOST, SERVER_CPU, sleep, embeddedDatabaseUrl, freePorts, pinned, SERVER_BUILD, start, stop, waitFor, STARTUP_TIMEOUT_MS } from "./processes.ts";

type ProfileNode = { id: number; callFrame: { functionName: string; url: string }; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] };

/**
 * What a sample's code belongs to, by its file: the first rule that matches.
 * Code of Node.js itself (sockets, buffers, streams) counts for the nearest
 * caller that a rule names, so the socket writes that send queries to
 * PostgreSQL count for the database client, and those that send responses
 * (from Express or compression) as network writes.
 */
const PARTS: Array<[string, (url: string, name: string) => boolean]> = [
  ["waiting for the database or the network (idle)", (_, name) => name === "(idle)"],
  ["garbage collection", (_, name) => name === "(garbage collector)"],
  ["route matching (@remix-run/router)", (url) => url.includes("/@remix-run/router/")],
  ["React rendering", (url) => /\/(react-dom|react|@remix-run\/react|react-i18next|react-aria[^/]*|@react-aria\/[^/]+)\//.test(url)],
  ["translation (i18next)", (url) => url.includes("/i18next/")],
  ["database client (pg, Prisma)", (url) => /\/(pg|pg-protocol|pg-pool|@prisma\/[^/]+|@prisma)\//.test(url)],
  ["compression (zlib)", (url, name) => url === "node:zlib" || url.includes("/compression/") || name === "processChunk"],
  [
    "Remix and Express request handling",
    (url) => /\/(@remix-run\/(server-runtime|express|node)|express|turbo-stream|undici|cookie|set-cookie-parser)\//.test(url),
  ],
  ["the portal's own code (session, loaders, views)", (url) => url.includes("/build/index.js")],
];
const OTHER = "other (Node.js internals, other packages)";
const NETWORK = "network writes (responses)";
const SOCKET_WRITES = new Set(["writev", "writeBuffer", "writeUtf8String", "writeLatin1String"]);

export type Breakdown = {
  requests: number;
  seconds: number;
  /** Milliseconds of the portal's CPU a request, by part; idle is wall time a request, not CPU. */
  parts: Array<{ part: string; msPerRequest: number; share: number }>;
  portalCpuMsPerRequest: number;
  postgresCpuMsPerRequest: number | undefined;
  /** Transactions PostgreSQL counted a request: statements, where each is its own transaction. */
  transactionsPerRequest: number;
};

/** Loads a profiled second portal on `spec.path` at saturation for `seconds`, and sums where its time went. */
export async function profileRequests(ctx: Context, spec: Omit<LoadSpec, "origin">, seconds: number): Promise<Breakdown> {
  const secrets = JSON.parse(fs.readFileSync(path.join(ctx.dir, "data", "local-secrets.json"), "utf8")) as Record<string, string>;
  const [port] = (await freePorts(1)) as [number];
  const url = `http://${HOST}:${port}`;
  const profileDir = ctx.scope.tempDir("portal-profile-");
  const profiled = start("the profiled portal", pinned(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, SERVER_BUILD], SERVER_CPU), {
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST,
      PORT: String(port),
      PUBLIC_URL: url,
      DATABASE_URL: embeddedDatabaseUrl(ctx.pgPort),
      SESSION_SECRET: secrets.SESSION_SECRET,
      ENCRYPTION_KEY: secrets.ENCRYPTION_KEY,
      SMTP_URL: "smtp://127.0.0.1:9",
      DATA_DIR: path.join(profileDir, "data"),
      HSTS: "off",
      LOG_LEVEL: "warn",
      LOG_REQUESTS: "off",
      OUTBOX_WORKER: "off",
    },
  });
  let window: Window;
  try {
    await waitFor(`${url}/healthz`, profiled, STARTUP_TIMEOUT_MS);
    const loadSpec = { ...spec, origin: url };
    await runLoad(loadSpec, { duration: 2 }, { dir: ctx.dir });
    const transactionsBefore = await transactions(ctx);
    const ticksBefore = postgresTicks();
    const from = microseconds();
    const run = await runLoad(loadSpec, { duration: seconds }, { dir: ctx.dir });
    const to = microseconds();
    const ticksAfter = postgresTicks();
    // PostgreSQL publishes its counts within a second of a transaction's end.
    await sleep(STATISTICS_DELAY_MS);
    const statements = (await transactions(ctx)) - transactionsBefore - 1;
    window = { from, to, requests: run.completed, postgresTicks: ticksBetween(ticksBefore, ticksAfter), statements };
  } finally {
    await stop(profiled.child);
  }
  const file = fs.readdirSync(profileDir).find((name) => name.endsWith(".cpuprofile"));
  if (!file) throw new Error("The profiled portal wrote no CPU profile.");
  const profile = JSON.parse(fs.readFileSync(path.join(profileDir, file), "utf8")) as CpuProfile;
  return summarise(profile, window);
}

type Window = { from: number; to: number; requests: number; postgresTicks: number | undefined; statements: number };

const STATISTICS_DELAY_MS = 1_500;

/** Transactions the database has committed or rolled back: one a statement outside a transaction. */
async function transactions(ctx: Context): Promise<number> {
  await ctx.db.query("SELECT pg_stat_clear_snapshot()");
  const { rows } = await ctx.db.query<{ n: string }>("SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()");
  return Number(rows[0]!.n);
}

/** The monotonic clock the CPU profile's timestamps use, in microseconds. */
const microseconds = () => Number(process.hrtime.bigint() / 1000n);

/** CPU ticks (user and system) of each running PostgreSQL process, by process id, or undefined without /proc. */
function postgresTicks(): Map<string, number> | undefined {
  try {
    const ticks = new Map<string, number>();
    for (const pid of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        const close = stat.lastIndexOf(")");
        if (stat.slice(stat.indexOf("(") + 1, close) !== "postgres") continue;
        const fields = stat.slice(close + 2).split(" ");
        ticks.set(pid, Number(fields[11]) + Number(fields[12]));
      } catch {
        // The process ended while being read.
      }
    }
    return ticks;
  } catch {
    return undefined;
  }
}

/** The ticks used between two readings by the processes running at the second (one that ended in between is not counted). */
function ticksBetween(before: Map<string, number> | undefined, after: Map<string, number> | undefined): number | undefined {
  if (!before || !after) return undefined;
  let used = 0;
  for (const [pid, ticks] of after) used += ticks - (before.get(pid) ?? 0);
  return used;
}

/** Linux's USER_HZ: /proc's CPU times are in hundredths of a second. */
const TICKS_A_SECOND = 100;

function summarise(profile: CpuProfile, window: Window): Breakdown {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const partOf = new Map<number, string>();
  const classify = (id: number): string => {
    const known = partOf.get(id);
    if (known) return known;
    const frame = nodes.get(id);
    let part = frame ? PARTS.find(([, test]) => test(frame.url, frame.functionName))?.[0] : undefined;
    if (!part && frame) {
      // Node.js's own code: the nearest caller's part.
      let caller = parent.get(id);
      while (caller !== undefined && !part) {
        const above = nodes.get(caller)!;
        part = PARTS.find(([, test]) => test(above.url, above.functionName))?.[0];
        caller = parent.get(caller);
      }
      if (SOCKET_WRITES.has(frame.functionName) && part !== PARTS.find(([name]) => name.startsWith("database"))![0]) part = NETWORK;
    }
    partOf.set(id, part ?? OTHER);
    return part ?? OTHER;
  };
  const byPart = new Map<string, number>();
  let at = profile.startTime;
  let inWindow = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at < window.from || at > window.to) continue;
    const part = classify(profile.samples[i]!);
    byPart.set(part, (byPart.get(part) ?? 0) + delta);
    inWindow += delta;
  }
  if (!inWindow || !window.requests) throw new Error("The CPU profile has no samples inside the measured run.");
  const requests = window.requests;
  const parts = [...byPart]
    .map(([part, us]) => ({ part, msPerRequest: us / 1000 / requests, share: us / inWindow }))
    .sort((a, b) => b.msPerRequest - a.msPerRequest);
  const idle = byPart.get(PARTS[0]![0]) ?? 0;
  return {
    requests,
    seconds: (window.to - window.from) / 1e6,
    parts,
    portalCpuMsPerRequest: (inWindow - idle) / 1000 / requests,
    transactionsPerRequest: window.statements / requests,
    postgresCpuMsPerRequest: window.postgresTicks === undefined ? undefined : (window.postgresTicks / TICKS_A_SECOND) * (1000 / requests),
  };
}

/** The breakdown as the report's note. */
export function breakdownText(breakdown: Breakdown): string {
  const ms = (n: number) => (n >= 10 ? whole(n) : n.toFixed(n >= 1 ? 1 : 2));
  const parts = breakdown.parts.map(({ part, msPerRequest, share }) => `${part} ${ms(msPerRequest)} ms (${Math.round(share * 100)}%)`).join("; ");
  const postgres = breakdown.postgresCpuMsPerRequest === undefined ? "" : `, and PostgreSQL's processes ${ms(breakdown.postgresCpuMsPerRequest)} ms`;
  return (
    `where a request's time goes (a CPU profile of a second portal process on the same database, ${whole(
      breakdown.requests
    )} requests in ${breakdown.seconds.toFixed(0)} s at saturation): ` +
    `the portal's CPU ${ms(breakdown.portalCpuMsPerRequest)} ms a request${postgres}; ${breakdown.transactionsPerRequest.toFixed(
      1
    )} database transactions a request. By part, a request: ${parts}.`
  );
}
