// How fast the built portal serves public pages, compared with a static server
// sending the same HTML. Not part of the test suite.
//
//   npm run build
//   npx tsx tests/tools/bench-pages.ts [path ...] [--duration=10] [--connections=50] [--warmup=2]
//
// It starts `node build/index.js` (production, local mode, a fresh temporary
// DATA_DIR, free loopback ports), saves the HTML of each page that answers 200,
// serves those copies from a static server (nginx if /usr/sbin/nginx exists,
// otherwise a minimal node:http server with gzip done once in advance), then
// runs autocannon against each page on both servers, one after the other.
// Where `taskset` is available the servers are pinned to CPU 0 and the load
// generator, a separate Node process, to CPU 1.
//
// Goal: the portal serves each page at least half as fast as the static copy.
// Results are printed and written to bench/results/ (git-ignored). Everything
// listens on 127.0.0.1 only and everything started here is stopped at the end.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const SERVER_BUILD = path.join(ROOT, "build", "index.js");
export const RESULTS_DIR = path.join(ROOT, "bench", "results");
export const HOST = "127.0.0.1";
const NGINX = "/usr/sbin/nginx";
const GOAL_RATIO = 0.5;
const DEFAULT_PATHS = [
  "/walkthrough/charging-decision",
  "/cy/walkthrough/charging-decision",
  "/evidence/taking-data",
  "/cy/evidence/taking-data",
];
export const STARTUP_TIMEOUT_MS = 120_000;
export const STOP_TIMEOUT_MS = 25_000;

type Options = { paths: string[]; duration: number; connections: number; warmup: number };
type SavedPage = { path: string; file: string; contentType: string; bytes: number };
type Target = { id: string; url: string };
type Stats = { average: number; p50: number; p99: number; mean: number; max: number };
type RunResult = {
  id: string;
  requests: Stats & { total: number };
  latency: Stats;
  throughput: Stats & { total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
};
type PageResult = {
  path: string;
  /** The page's uncompressed HTML. */
  htmlBytes: number;
  portal: RunResult;
  static: RunResult;
  ratio: number;
  meetsGoal: boolean;
};

function parseArgs(argv: string[]): Options {
  const options: Options = { paths: [], duration: 10, connections: 50, warmup: 2 };
  for (const arg of argv) {
    const flag = /^--(duration|connections|warmup)=(\d+)$/.exec(arg);
    if (flag) {
      options[flag[1] as "duration" | "connections" | "warmup"] = Number(flag[2]);
    } else if (arg.startsWith("/")) {
      options.paths.push(arg);
    } else {
      throw new Error(`Unknown argument: ${arg}. Give page paths (starting with /) and --duration=, --connections=, --warmup=.`);
    }
  }
  if (!options.paths.length) options.paths = DEFAULT_PATHS;
  if (options.duration < 1 || options.connections < 1) throw new Error("--duration and --connections must be at least 1.");
  return options;
}

// ---------------------------------------------------------------- processes

const children = new Set<ChildProcess>();
let tempDir: string | undefined;

export const canPin =
  os.availableParallelism() >= 2 && spawnSync("taskset", ["--version"], { stdio: "ignore" }).status === 0;

/** The command, run on one CPU when pinning is available. */
export function pinned(command: string, args: string[], cpu: number): [string, string[]] {
  return canPin ? ["taskset", ["-c", String(cpu), command, ...args]] : [command, args];
}

export function start(
  name: string,
  [command, args]: [string, string[]],
  options: { env?: NodeJS.ProcessEnv; stdout?: "pipe" | "inherit" } = {},
) {
  // Its own process group, so a terminal's Ctrl-C reaches only this script,
  // which then stops the child (and, if it must, the child's own children).
  const child = spawn(command, args, {
    cwd: ROOT,
    env: options.env ?? process.env,
    stdio: ["ignore", options.stdout ?? "pipe", "pipe"],
    detached: true,
  });
  children.add(child);
  const log: string[] = [];
  const keep = (chunk: Buffer) => {
    log.push(...chunk.toString().split("\n").filter(Boolean));
    if (log.length > 200) log.splice(0, log.length - 200);
  };
  child.stderr?.on("data", keep);
  if (options.stdout !== "inherit") child.stdout?.on("data", keep);
  child.on("exit", () => children.delete(child));
  return { name, child, log };
}

export function exited(child: ChildProcess) {
  return child.exitCode !== null || child.signalCode !== null;
}

export async function stop(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM") {
  if (exited(child)) return;
  const done = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill(signal);
  const timer = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), STOP_TIMEOUT_MS).unref());
  if ((await Promise.race([done, timer])) === "timeout" && child.pid) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      child.kill("SIGKILL");
    }
    await done;
  }
}

export async function cleanUp() {
  if (children.size) console.log("Stopping the servers…");
  await Promise.all([...children].map((child) => stop(child)));
  if (tempDir) {
    fs.rmSync(tempDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    tempDir = undefined;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, HOST, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function freePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `url` answers 200; fails early if the process serving it exits. */
export async function waitFor(url: string, server: ReturnType<typeof start>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited(server.child)) {
      throw new Error(`${server.name} exited (code ${server.child.exitCode}) before it was ready:\n${server.log.join("\n")}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`${server.name} was not ready at ${url} within ${timeoutMs / 1000} s:\n${server.log.join("\n")}`);
}

// ---------------------------------------------------------------- servers

/** `extraEnv` adds to (or overrides) the settings below. */
export function startPortal(dir: string, port: number, pgPort: number, extraEnv: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    HOST,
    PORT: String(port),
    EMBEDDED_PG_PORT: String(pgPort),
    DATA_DIR: path.join(dir, "data"),
    LOG_LEVEL: "warn",
    LOG_REQUESTS: "off",
    // Local mode: the embedded database in the temporary directory, never a real one.
    DATABASE_URL: "",
    ...extraEnv,
  };
  // BENCH_NODE_ARGS (for example "--cpu-prof --cpu-prof-dir=/tmp/profile") is passed to the portal's Node.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  return start("the portal", pinned(process.execPath, [...nodeArgs, SERVER_BUILD], 0), { env });
}

// The static server: each saved page from memory, at the same path, with the
// portal's Content-Type, gzip-compressed once at start-up, keep-alive on.
const STATIC_SERVER = `
const fs = require("node:fs");
const http = require("node:http");
const zlib = require("node:zlib");
const pages = new Map();
for (const page of JSON.parse(fs.readFileSync(process.env.BENCH_MANIFEST, "utf8"))) {
  const body = fs.readFileSync(page.file);
  pages.set(page.path, { type: page.contentType, body, gzip: zlib.gzipSync(body) });
}
const server = http.createServer((req, res) => {
  const page = pages.get(req.url);
  if (!page) {
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("Not found");
    return;
  }
  const gzip = /\\bgzip\\b/.test(req.headers["accept-encoding"] || "");
  const body = gzip ? page.gzip : page.body;
  const headers = { "Content-Type": page.type, "Content-Length": body.length, Vary: "Accept-Encoding" };
  if (gzip) headers["Content-Encoding"] = "gzip";
  res.writeHead(200, headers);
  res.end(req.method === "HEAD" ? undefined : body);
});
server.keepAliveTimeout = 65000;
server.listen(Number(process.env.BENCH_PORT), process.env.BENCH_HOST);
process.on("SIGTERM", () => process.exit(0));
`;

function startStaticServer(dir: string, port: number, pages: SavedPage[]) {
  if (fs.existsSync(NGINX)) {
    const prefix = path.join(dir, "nginx");
    fs.mkdirSync(prefix, { recursive: true });
    const locations = pages
      .map(
        (page) =>
          `    location = ${page.path} {\n` +
          `      default_type "${page.contentType}";\n` +
          `      try_files /${path.basename(page.file)} =404;\n` +
          `    }`,
      )
      .join("\n");
    const conf = `worker_processes 1;
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${prefix}/client_body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  types {}
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65s;
  keepalive_requests 1000000;
  gzip on;
  gzip_comp_level 6;
  gzip_min_length 0;
  gzip_types *;
  gzip_vary on;
  server {
    listen ${HOST}:${port};
    root ${path.dirname(pages[0]!.file)};
${locations}
    location / { return 404; }
  }
}
`;
    const confFile = path.join(prefix, "nginx.conf");
    fs.writeFileSync(confFile, conf);
    return { kind: "nginx", server: start("nginx", pinned(NGINX, ["-p", `${prefix}/`, "-c", confFile], 0)) };
  }
  const manifest = path.join(dir, "manifest.json");
  fs.writeFileSync(manifest, JSON.stringify(pages));
  const env = { ...process.env, BENCH_MANIFEST: manifest, BENCH_PORT: String(port), BENCH_HOST: HOST };
  return {
    kind: "Node node:http (gzip in advance)",
    server: start("the static server", pinned(process.execPath, ["-e", STATIC_SERVER], 0), { env }),
  };
}

async function savePages(portalUrl: string, paths: string[], dir: string) {
  const saved: SavedPage[] = [];
  const skipped: Array<{ path: string; status: number }> = [];
  const staticDir = path.join(dir, "static");
  fs.mkdirSync(staticDir, { recursive: true });
  for (const [index, pagePath] of paths.entries()) {
    const response = await fetch(`${portalUrl}${pagePath}`, {
      redirect: "manual",
      headers: { "accept-encoding": "identity" },
      signal: AbortSignal.timeout(10_000),
    });
    const body = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200) {
      skipped.push({ path: pagePath, status: response.status });
      continue;
    }
    const file = path.join(staticDir, `page-${index}.html`);
    fs.writeFileSync(file, body);
    saved.push({
      path: pagePath,
      file,
      contentType: response.headers.get("content-type") ?? "text/html; charset=utf-8",
      bytes: body.length,
    });
  }
  return { saved, skipped };
}

// ---------------------------------------------------------------- load

// Runs in its own Node process (pinned to CPU 1 where possible), using
// autocannon's programmatic API, and prints the results as JSON.
const LOAD_RUNNER = `
const autocannon = require(process.env.AUTOCANNON_PATH);
const plan = JSON.parse(process.env.BENCH_PLAN);
const pick = (stats) => ({ average: stats.average, mean: stats.mean, p50: stats.p50, p99: stats.p99, max: stats.max, total: stats.total });
(async () => {
  const results = [];
  for (const target of plan.targets) {
    const base = { url: target.url, connections: plan.connections, headers: plan.headers, timeout: 10 };
    if (plan.warmup > 0) await autocannon({ ...base, duration: plan.warmup });
    const result = await autocannon({ ...base, duration: plan.duration });
    results.push({
      id: target.id,
      requests: pick(result.requests),
      latency: pick(result.latency),
      throughput: pick(result.throughput),
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
    });
    process.stderr.write("  measured " + target.url + "\\n");
  }
  process.stdout.write(JSON.stringify(results));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;

async function runLoad(targets: Target[], options: Options): Promise<RunResult[]> {
  const plan = {
    targets,
    duration: options.duration,
    warmup: options.warmup,
    connections: options.connections,
    headers: { "accept-encoding": "gzip" },
  };
  const env = {
    ...process.env,
    AUTOCANNON_PATH: createRequire(import.meta.url).resolve("autocannon"),
    BENCH_PLAN: JSON.stringify(plan),
  };
  const runner = start("autocannon", pinned(process.execPath, ["-e", LOAD_RUNNER], 1), { env });
  // stderr carries progress lines: show them as they come.
  runner.child.stderr?.on("data", (chunk: Buffer) => process.stdout.write(chunk));
  const chunks: Buffer[] = [];
  runner.child.stdout?.on("data", (chunk: Buffer) => chunks.push(chunk));
  const limitMs = targets.length * (options.duration + options.warmup + 20) * 1000;
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => void stop(runner.child), limitMs);
    runner.child.once("exit", (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  if (code !== 0) throw new Error(`autocannon failed (exit code ${code}):\n${runner.log.join("\n")}`);
  return JSON.parse(Buffer.concat(chunks).toString()) as RunResult[];
}

// ---------------------------------------------------------------- report

function report(results: PageResult[], meta: Record<string, unknown>, skipped: Array<{ path: string; status: number }>) {
  const rate = (n: number) => n.toLocaleString("en-GB", { maximumFractionDigits: 0 });
  const lines = [
    "| Page | Portal requests/s | Static requests/s | Ratio (portal/static) | Portal p50 | Portal p99 | Meets goal |",
    "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ...results.map(
      (r) =>
        `| \`${r.path}\` | ${rate(r.portal.requests.average)} | ${rate(r.static.requests.average)} | ` +
        `${ratioText(r.ratio)} | ${r.portal.latency.p50} ms | ${r.portal.latency.p99} ms | ${r.meetsGoal ? "yes" : "**no**"} |`,
    ),
    "",
    `Goal: the portal serves each page at least ${GOAL_RATIO} times as many requests per second as the static copy. ` +
      (results.every((r) => r.meetsGoal)
        ? "Every page meets it."
        : `Pages that miss it: ${results
            .filter((r) => !r.meetsGoal)
            .map((r) => `\`${r.path}\` (${ratioText(r.ratio)})`)
            .join(", ")}.`),
  ];
  const problems = results.flatMap((r) =>
    (["portal", "static"] as const).flatMap((side) => {
      const { errors, timeouts, non2xx } = r[side];
      return errors || timeouts || non2xx
        ? [`- ${side} \`${r.path}\`: ${errors} errors, ${timeouts} timeouts, ${non2xx} non-2xx responses`]
        : [];
    }),
  );
  if (problems.length) lines.push("", "Warning: some requests failed, so these numbers are suspect:", ...problems);
  if (skipped.length) {
    lines.push("", `Not measured (not 200): ${skipped.map((s) => `\`${s.path}\` (${s.status})`).join(", ")}.`);
  }
  lines.push(
    "",
    `Static server: ${meta.staticServer}. CPU pinning: ${meta.pinning}. ` +
      `${meta.connections} connections, ${meta.duration} s per target after a ${meta.warmup} s warm-up, ` +
      `accept-encoding: gzip. Node ${meta.node}, ${meta.cpus}.`,
    `Bytes per response (headers and gzip body): ${results
      .map(
        (r) =>
          `\`${r.path}\` portal ${bytesPerResponse(r.portal)}, static ${bytesPerResponse(r.static)} ` +
          `(HTML ${r.htmlBytes} uncompressed)`,
      )
      .join("; ")}.`,
  );
  return lines.join("\n");
}

function ratioText(ratio: number) {
  return ratio.toFixed(ratio < 0.1 ? 3 : 2);
}

function bytesPerResponse(result: RunResult) {
  return result.requests.total ? Math.round(result.throughput.total / result.requests.total) : 0;
}

// ---------------------------------------------------------------- main

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(SERVER_BUILD)) {
    console.error("There is no production build (build/index.js). Run `npm run build` first.");
    process.exitCode = 1;
    return;
  }

  // Start-up, the load itself and shutdown, with room to spare: never runs for ever.
  const limitMs =
    STARTUP_TIMEOUT_MS + 2 * options.paths.length * (options.duration + options.warmup + 20) * 1000 + 4 * STOP_TIMEOUT_MS;
  const watchdog = setTimeout(() => {
    console.error(`The benchmark did not finish within ${Math.round(limitMs / 1000)} s; stopping.`);
    void cleanUp().finally(() => process.exit(2));
  }, limitMs);
  watchdog.unref();

  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-bench-"));
  // Run as root, PostgreSQL runs as its own user (and nginx's worker as
  // "nobody"): both must be able to reach into the directory.
  if (process.getuid?.() === 0) fs.chmodSync(tempDir, 0o755);

  const [port, pgPort, staticPort] = (await freePorts(3)) as [number, number, number];
  const portalUrl = `http://${HOST}:${port}`;
  const staticUrl = `http://${HOST}:${staticPort}`;

  console.log(`Starting the portal on ${portalUrl} (embedded PostgreSQL on port ${pgPort})…`);
  const portal = startPortal(tempDir, port, pgPort);
  await waitFor(`${portalUrl}/healthz`, portal, STARTUP_TIMEOUT_MS);

  const { saved, skipped } = await savePages(portalUrl, options.paths, tempDir);
  for (const { path: pagePath, status } of skipped) console.log(`Skipping ${pagePath}: the portal answered ${status}, not 200.`);
  if (!saved.length) throw new Error("No page answered 200, so there is nothing to measure.");

  const { kind: staticServer, server: staticProcess } = startStaticServer(tempDir, staticPort, saved);
  await waitFor(`${staticUrl}${saved[0]!.path}`, staticProcess, 15_000);

  const pinning = canPin ? "yes (servers on CPU 0, autocannon on CPU 1, with taskset)" : "no (taskset or a second CPU not available)";
  console.log(`Static server: ${staticServer} on ${staticUrl}. CPU pinning: ${pinning}.`);
  console.log(
    `Measuring ${saved.length} page(s) on both servers: ${options.connections} connections, ` +
      `${options.warmup} s warm-up, then ${options.duration} s each…`,
  );

  const targets: Target[] = saved.flatMap((page) => [
    { id: `portal ${page.path}`, url: `${portalUrl}${page.path}` },
    { id: `static ${page.path}`, url: `${staticUrl}${page.path}` },
  ]);
  const runs = new Map((await runLoad(targets, options)).map((run) => [run.id, run]));

  const results: PageResult[] = saved.map((page) => {
    const portalRun = runs.get(`portal ${page.path}`)!;
    const staticRun = runs.get(`static ${page.path}`)!;
    const ratio = staticRun.requests.average ? portalRun.requests.average / staticRun.requests.average : 0;
    return { path: page.path, htmlBytes: page.bytes, portal: portalRun, static: staticRun, ratio, meetsGoal: ratio >= GOAL_RATIO };
  });

  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "unknown CPU"}`,
    staticServer,
    pinning,
    duration: options.duration,
    warmup: options.warmup,
    connections: options.connections,
    goalRatio: GOAL_RATIO,
  };
  const markdown = report(results, meta, skipped);
  console.log(`\n${markdown}\n`);

  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = meta.date.replace(/[:.]/g, "-");
  const base = path.join(RESULTS_DIR, `pages-${stamp}`);
  fs.writeFileSync(`${base}.json`, `${JSON.stringify({ ...meta, skipped, results }, null, 2)}\n`);
  fs.writeFileSync(`${base}.md`, `# Public pages: portal against static\n\n${meta.date}\n\n${markdown}\n`);
  console.log(`Written ${path.relative(ROOT, base)}.json and .md`);
  clearTimeout(watchdog);
}

// Only when run directly: bench-queries.ts imports the helpers above.
if (fs.realpathSync(process.argv[1] ?? ".") === fs.realpathSync(fileURLToPath(import.meta.url))) {
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
}
