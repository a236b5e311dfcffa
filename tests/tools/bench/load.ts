// Load from autocannon, run in a Node process of its own on the client CPU,
// while the server's memory is watched. One call, one autocannon run: either
// as fast as the server answers (saturation), or at a fixed overall rate.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { CLIENT_CPU, pinned, runToEnd } from "./processes.ts";
import { watchMemory } from "./memory.ts";

export type Stats = { average: number; mean: number; p50: number; p90: number; p99: number; max: number; total: number };

export type LoadSpec = {
  /** http://127.0.0.1:port */
  origin: string;
  path: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** Taken in turn, one a request, by all connections together: a session's cookie, a form's body. */
  variants?: Array<{ cookie?: string; body?: string }>;
  connections: number;
  /** The answers that count: 2xx, or 3xx to a Location matching `location`. */
  expect: "2xx" | "3xx";
  location?: string;
};

export type LoadRun = {
  /** Seconds, as autocannon measured them. */
  duration: number;
  requests: Stats;
  latency: Stats;
  /** Requests written, and answers received. */
  sent: number;
  completed: number;
  /** Answers of the expected kind. */
  good: number;
  /** Good answers a second. */
  rate: number;
  /** The overall rate asked for, if any. */
  targetRate?: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  badLocations: number;
  badLocationSample?: string;
  failureSample?: { status: number; body: string };
  /** Bytes of headers and body a response, on average. */
  bytesPerResponse: number;
  /** The server's peak resident set size during the run, in bytes. */
  peakRss?: number;
};

// Runs autocannon's programmatic API and prints a summary as JSON. With
// variants, every request takes the next one from a counter shared by all
// connections, so no two requests in flight use the same session or account
// unless there are more connections than variants.
const RUNNER = `
const fs = require("node:fs");
const autocannon = require(process.env.AUTOCANNON_PATH);
const plan = JSON.parse(fs.readFileSync(process.env.BENCH_PLAN_FILE, "utf8"));
const stats = (s) => ({ average: s.average, mean: s.mean, p50: s.p50, p90: s.p90, p99: s.p99, max: s.max, total: s.total });
const locationPattern = plan.location ? new RegExp(plan.location) : undefined;
const seen = { badLocations: 0 };
let next = 0;
const request = { method: plan.method, path: plan.path };
if (plan.variants) {
  request.setupRequest = (req) => {
    const variant = plan.variants[next++ % plan.variants.length];
    const headers = variant.cookie ? { ...req.headers, Cookie: variant.cookie } : req.headers;
    return { ...req, headers, body: variant.body ?? req.body };
  };
}
// Reading bodies costs the load generator time: only when answers are checked.
if (plan.expect === "3xx") {
  request.onResponse = (status, body, _context, headers) => {
    if (status >= 300 && status < 400) {
      const name = Object.keys(headers).find((key) => key.toLowerCase() === "location");
      const location = String(name ? headers[name] : "");
      if (locationPattern && !locationPattern.test(location)) {
        seen.badLocations++;
        if (seen.badLocationSample === undefined) seen.badLocationSample = location;
      }
    } else if (!seen.failureSample) {
      seen.failureSample = { status, body: String(body ?? "").slice(0, 800) };
    }
  };
}
const options = {
  url: plan.origin,
  connections: plan.connections,
  headers: plan.headers,
  requests: [request],
  timeout: 10,
};
if (plan.amount) options.amount = plan.amount;
else options.duration = plan.duration;
if (plan.overallRate) options.overallRate = plan.overallRate;
autocannon(options).then((r) => {
  process.stdout.write(JSON.stringify({
    duration: r.duration,
    requests: stats(r.requests),
    latency: stats(r.latency),
    sent: r.requests.sent,
    completed: r.requests.total,
    bytes: r.throughput.total,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count])),
    "2xx": r["2xx"],
    "3xx": r["3xx"],
    ...seen,
  }));
}, (error) => {
  console.error(error);
  process.exit(1);
});
`;

type RawRun = Omit<LoadRun, "good" | "rate" | "bytesPerResponse" | "badLocations"> & {
  bytes: number;
  "2xx": number;
  "3xx": number;
  badLocations: number;
};

let planNumber = 0;

/**
 * One autocannon run against `spec`: for `duration` seconds or `amount`
 * requests, as fast as possible or at `overallRate` requests a second. The
 * plan goes through a file in `dir` (a list of sessions is too long for an
 * environment variable).
 */
export async function runLoad(
  spec: LoadSpec,
  run: { duration?: number; amount?: number; overallRate?: number },
  { dir, watchPid, watchTree = false }: { dir: string; watchPid?: number; watchTree?: boolean },
): Promise<LoadRun> {
  const planFile = path.join(dir, `load-plan-${++planNumber}.json`);
  fs.writeFileSync(planFile, JSON.stringify({ method: "GET", ...spec, ...run, overallRate: run.overallRate && Math.max(1, Math.round(run.overallRate)) }));
  const env = {
    ...process.env,
    AUTOCANNON_PATH: createRequire(import.meta.url).resolve("autocannon"),
    BENCH_PLAN_FILE: planFile,
  };
  const limitMs = ((run.duration ?? 60) + 60) * 1000;
  const memory = watchMemory(watchPid, { tree: watchTree });
  let output: string;
  try {
    output = await runToEnd("autocannon", pinned(process.execPath, ["-e", RUNNER], CLIENT_CPU), env, limitMs);
  } finally {
    fs.rmSync(planFile, { force: true });
  }
  const peakRss = memory.stop();
  const raw = JSON.parse(output) as RawRun;
  const good = spec.expect === "2xx" ? raw["2xx"] : raw["3xx"] - raw.badLocations;
  return {
    duration: raw.duration,
    requests: raw.requests,
    latency: raw.latency,
    sent: raw.sent,
    completed: raw.completed,
    good,
    rate: raw.duration ? good / raw.duration : 0,
    targetRate: run.overallRate,
    errors: raw.errors,
    timeouts: raw.timeouts,
    statusCodes: raw.statusCodes,
    badLocations: raw.badLocations,
    badLocationSample: raw.badLocationSample,
    failureSample: raw.failureSample,
    bytesPerResponse: raw.completed ? Math.round(raw.bytes / raw.completed) : 0,
    peakRss,
  };
}

/** Everything that went wrong with the requests of a run, or nothing. */
export function loadProblems(what: string, run: LoadRun | undefined, expect: "2xx" | "3xx"): string[] {
  if (!run) return [];
  const found: string[] = [];
  const other = Object.entries(run.statusCodes).filter(([code]) => code[0] !== expect[0]);
  if (other.length) found.push(`${what}: ${other.map(([code, n]) => `${n} × ${code}`).join(", ")} (not ${expect})`);
  if (run.errors || run.timeouts) found.push(`${what}: ${run.errors} errors, of which ${run.timeouts} timeouts`);
  if (run.badLocations) {
    found.push(`${what}: ${run.badLocations} redirects to the wrong place (for example ${run.badLocationSample || "nowhere"})`);
  }
  if (run.failureSample) {
    const { status, body } = run.failureSample;
    found.push(`${what}: first answer that was not a redirect: ${status} ${body.replace(/\s+/g, " ").trim().slice(0, 300)}`);
  }
  return found;
}

/** Saturation, then latency at a fixed rate: the two figures of an HTTP measurement. */
export type HttpFigure = {
  saturation: LoadRun;
  fixedRate: LoadRun;
  /** The rate of the fixed-rate run, and why that one. */
  rate: number;
  rateReason: "half the static maximum" | "half its own maximum";
  /** The higher of the two runs' peaks, in bytes. */
  peakRss?: number;
};

export type MeasureOptions = {
  dir: string;
  duration: number;
  rateDuration: number;
  /** Seconds of warm-up, or a number of requests. */
  warmup: { duration: number } | { amount: number } | undefined;
  /** The highest static-server rate measured so far, if any. */
  staticMax: number | undefined;
  watchPid?: number;
  watchTree?: boolean;
};

/**
 * Requests a second at saturation, then p50 and p99 latency at half the static
 * server's maximum, or at half the target's own maximum where that is lower: a
 * rate it cannot sustain would measure only its queue. `given` passes a
 * saturation run made earlier, or a rate decided elsewhere.
 */
export async function measureHttp(
  spec: LoadSpec,
  options: MeasureOptions,
  log: (line: string) => void,
  given: { saturation?: LoadRun; rate?: { rate: number; reason: HttpFigure["rateReason"] } } = {},
): Promise<HttpFigure> {
  const where = { dir: options.dir, watchPid: options.watchPid, watchTree: options.watchTree };
  if (options.warmup && !given.saturation) await runLoad(spec, options.warmup, { dir: options.dir });
  const saturation = given.saturation ?? (await runLoad(spec, { duration: options.duration }, where));
  const { rate, reason } = given.rate ?? fixedRateFor(saturation.rate, options.staticMax);
  const fixedRate = await runLoad(spec, { duration: options.rateDuration, overallRate: rate }, where);
  log(
    `${Math.round(saturation.rate).toLocaleString("en-GB")}/s at saturation; ` +
      `p50 ${fixedRate.latency.p50} ms, p99 ${fixedRate.latency.p99} ms at ${Math.round(rate).toLocaleString("en-GB")}/s`,
  );
  const peaks = [saturation.peakRss, fixedRate.peakRss].filter((peak) => peak !== undefined);
  return { saturation, fixedRate, rate, rateReason: reason, peakRss: peaks.length ? Math.max(...peaks) : undefined };
}

/** Half the static server's maximum, or half the target's own where that is lower. */
export function fixedRateFor(ownMax: number, staticMax: number | undefined) {
  const ownHalf = ownMax / 2;
  const staticHalf = staticMax ? staticMax / 2 : Infinity;
  return staticHalf <= ownHalf
    ? { rate: Math.max(1, staticHalf), reason: "half the static maximum" as const }
    : { rate: Math.max(1, ownHalf), reason: "half its own maximum" as const };
}
