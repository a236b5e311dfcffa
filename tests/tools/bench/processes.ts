// Starting, watching and stopping the processes a benchmark needs, shared by
// the benchmarks (tests/tools/bench.ts) and the two-instance tests
// (tests/setup/instances.ts). Everything listens on 127.0.0.1 only.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../../..");
export const SERVER_BUILD = path.join(ROOT, "build", "index.js");
export const RESULTS_DIR = path.join(ROOT, "bench", "results");
export const HOST = "127.0.0.1";
export const STARTUP_TIMEOUT_MS = 120_000;
export const STOP_TIMEOUT_MS = 25_000;

/**
 * The CPUs this process may use, read when it starts (before pinSelf moves
 * it): the numbers in /proc/self/status's Cpus_allowed_list ("0-3,6"), or
 * 0 to N-1 where that cannot be read.
 */
export const ALLOWED_CPUS: readonly number[] = readAllowedCpus();

function readAllowedCpus(): number[] {
  try {
    const list = /^Cpus_allowed_list:\s*(\S+)$/m.exec(fs.readFileSync("/proc/self/status", "utf8"))?.[1];
    if (list) return parseCpuList(list);
  } catch {
    // Not Linux: fall through.
  }
  return Array.from({ length: os.availableParallelism() }, (_, cpu) => cpu);
}

/** "0-2,5" as [0, 1, 2, 5]. */
export function parseCpuList(list: string): number[] {
  return list.split(",").flatMap((part) => {
    const [from, to = from] = part.split("-").map(Number) as [number, number?];
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });
}

/** The CPU for servers (the portal, its database, the static server, the outbox worker). */
export const SERVER_CPU = ALLOWED_CPUS[0] ?? 0;
/** The CPU for clients (the load generator, the SMTP sink). */
export const CLIENT_CPU = ALLOWED_CPUS[1] ?? 1;
/**
 * The CPUs for Chromium under Lighthouse (see lighthouse.ts): every allowed
 * CPU but the servers' where that leaves two or more; with only two, both,
 * so the portal answers the page's requests on a CPU Chromium also uses.
 */
export const BROWSER_CPUS: readonly number[] = ALLOWED_CPUS.length > 2 ? ALLOWED_CPUS.filter((cpu) => cpu !== SERVER_CPU) : ALLOWED_CPUS;

export const canPin =
  ALLOWED_CPUS.length >= 2 && spawnSync("taskset", ["--version"], { stdio: "ignore" }).status === 0;

/** The command, run on one CPU when pinning is available. */
export function pinned(command: string, args: string[], cpu: number): [string, string[]] {
  return canPin ? ["taskset", ["-c", String(cpu), command, ...args]] : [command, args];
}

/** Moves this process (and whatever it starts later without a CPU of its own) to one CPU. */
export function pinSelf(cpu: number) {
  if (canPin) spawnSync("taskset", ["-p", "-c", String(cpu), String(process.pid)], { stdio: "ignore" });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------- children

export type Started = { name: string; child: ChildProcess; log: string[] };

const children = new Set<ChildProcess>();

export function start(
  name: string,
  [command, args]: [string, string[]],
  options: { env?: NodeJS.ProcessEnv; stdout?: "pipe" | "inherit" } = {},
): Started {
  // Its own process group, so a terminal's Ctrl-C reaches only the script that
  // started it, which then stops the child (and, if it must, the child's own children).
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
  // A spawn failure (command not found) is reported through exit as well.
  child.on("error", () => children.delete(child));
  return { name, child, log };
}

export function exited(child: ChildProcess) {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Asks the child to stop; after STOP_TIMEOUT_MS kills its whole process group. */
export async function stop(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM") {
  if (exited(child) || child.pid === undefined) return;
  const done = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill(signal);
  const timer = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), STOP_TIMEOUT_MS).unref());
  if ((await Promise.race([done, timer])) === "timeout") {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      child.kill("SIGKILL");
    }
    await done;
  }
}

/** Stops every child still running. */
export async function stopChildren() {
  await Promise.all([...children].map((child) => stop(child)));
}

/** Kills every child at once, for a process that is exiting and cannot wait. */
export function killChildren() {
  for (const child of children) {
    if (child.pid === undefined || exited(child)) continue;
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
}

/** Runs a child to its end and returns what it printed; fails on a non-zero exit or after `limitMs`. */
export async function runToEnd(name: string, command: [string, string[]], env: NodeJS.ProcessEnv, limitMs: number) {
  const run = start(name, command, { env });
  const stdout: Buffer[] = [];
  run.child.stdout?.on("data", (chunk: Buffer) => stdout.push(chunk));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => void stop(run.child), limitMs);
    run.child.once("exit", (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  if (code !== 0) throw new Error(`${name} failed (exit code ${code}):\n${run.log.slice(-40).join("\n")}`);
  return Buffer.concat(stdout).toString();
}

// ---------------------------------------------------------------- ports

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

/** Waits until `url` answers 200; fails early if the process serving it exits. */
export async function waitFor(url: string, server: Started, timeoutMs: number) {
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

// ---------------------------------------------------------------- the portal

/**
 * `node build/index.js` in production, in local mode (the embedded PostgreSQL
 * in `dir`, never a real database), on the server CPU. `extraEnv` adds to (or
 * overrides) these settings.
 */
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
    DATABASE_URL: "",
    ...extraEnv,
  };
  // BENCH_NODE_ARGS (for example "--cpu-prof --cpu-prof-dir=/tmp/profile") is passed to the portal's Node.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  return start("the portal", pinned(process.execPath, [...nodeArgs, SERVER_BUILD], SERVER_CPU), { env });
}

/** The connection URL of the embedded database a portal in local mode starts. */
export function embeddedDatabaseUrl(pgPort: number) {
  return `postgresql://portal:portal-local-only@${HOST}:${pgPort}/portal`;
}

// ---------------------------------------------------------------- a run

export type Scope = {
  /** A new temporary directory, removed at the end (readable by PostgreSQL's and nginx's users). */
  tempDir(prefix: string): string;
  /** Work to do at the end, before the children are stopped (last registered, first done); at once if the end has begun. */
  defer(work: () => Promise<unknown> | unknown): void;
  /** Throws once the run is being stopped (Ctrl-C, SIGTERM, the time limit), so that no new work starts. */
  checkNotStopped(): void;
};

export class StoppedError extends Error {
  override name = "StoppedError";
}

/**
 * Runs a benchmark: stops every child, does the deferred work and removes the
 * temporary directories at the end, on failure, on Ctrl-C or SIGTERM, and when
 * the time limit passes.
 */
export async function runBenchmark(main: (scope: Scope) => Promise<void>, { limitMs }: { limitMs: number }) {
  const dirs: string[] = [];
  const deferred: Array<() => Promise<unknown> | unknown> = [];
  let stopping: string | undefined;
  let cleaning: Promise<void> | undefined;

  const attempt = async (work: () => Promise<unknown> | unknown) => {
    try {
      // An unreferenced timer: it must not keep the process alive once all is done.
      await Promise.race([work(), new Promise((resolve) => setTimeout(resolve, STOP_TIMEOUT_MS).unref())]);
    } catch (error) {
      // Carry on: the rest must still be stopped.
      console.error(`While stopping: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const cleanUp = () =>
    (cleaning ??= (async () => {
      while (deferred.length) await attempt(deferred.pop()!);
      if (children.size) console.log("Stopping the servers…");
      await stopChildren();
      for (const dir of dirs) await attempt(() => fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 }));
    })());

  const scope: Scope = {
    tempDir(prefix) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      // Run as root, PostgreSQL runs as its own user (and nginx's worker as
      // "nobody"): both must be able to reach into the directory.
      if (process.getuid?.() === 0) fs.chmodSync(dir, 0o755);
      dirs.push(dir);
      return dir;
    },
    defer(work) {
      if (cleaning) void attempt(work);
      else deferred.push(work);
    },
    checkNotStopped() {
      if (stopping) throw new StoppedError(stopping);
    },
  };

  const stopNow = (reason: string, exitCode: number) => {
    if (stopping) return;
    stopping = reason;
    console.error(`\n${reason}: stopping everything started…`);
    void cleanUp().finally(() => process.exit(exitCode));
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stopNow(signal, 130));
  // Whatever happens, no child outlives this process.
  process.once("exit", killChildren);

  const watchdog = setTimeout(() => stopNow(`Not finished within ${Math.round(limitMs / 1000)} s`, 2), limitMs);
  watchdog.unref();

  try {
    await main(scope);
  } catch (error) {
    if (!(error instanceof StoppedError)) {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    }
  } finally {
    clearTimeout(watchdog);
    await cleanUp();
  }
}
