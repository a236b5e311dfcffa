// What every part of the benchmark is given, and the row of the table it returns.
import type pg from "pg";
import type { Scope } from "./processes.ts";

export const SECTIONS = ["pages", "inbox", "queries", "outbox", "sign-in", "lighthouse"] as const;
export type Section = (typeof SECTIONS)[number];

export type Options = {
  only: Section[];
  /** Seconds of each run at saturation. */
  duration: number;
  /** Seconds of each run at a fixed rate. */
  rateDuration: number;
  /** Seconds of warm-up before a target's first run. */
  warmup: number;
  /** Connections for the public pages (the dynamic pages use fewer; see each part). */
  connections: number;
  /** ISVA accounts sharing the query submissions (each may send 60 an hour). */
  users: number;
  /** Messages the outbox worker delivers. */
  messages: number;
  /** Lighthouse runs a page (the median is reported). */
  lighthouseRuns: number;
  build: boolean;
};

export type Context = {
  options: Options;
  scope: Scope;
  /** The run's temporary directory. */
  dir: string;
  portalUrl: string;
  portalPid: number | undefined;
  pgPort: number;
  /** A connection to the portal's embedded database, for arranging and checking rows. */
  db: pg.Client;
  /** The highest rate the static server reached, once measured. */
  staticMax: number | undefined;
  /** performance.now() by which every measurement must be over, so that the run ends within its limit. */
  deadline: number;
  /** Seconds the parts after the current one need. */
  reserveFor(section: Section): number;
  log(line: string): void;
};

/** One line of the table. Rates are a second; memory in bytes. */
export type Row = {
  section: Section;
  measure: string;
  /** The figure, as text: "5,432 requests/s", "score 100, LCP 1.1 s …". */
  result: string;
  value?: number;
  /** What the figure is set against: its page's static copy, or the static server's maximum. */
  staticRate?: number;
  ratio?: number;
  /** "p50 / p99 ms at rate". */
  latency?: string;
  memory?: string;
  goal: string;
  /** Undefined where there is no goal. */
  met?: boolean;
  /** What went wrong: the figure is suspect. */
  problems: string[];
  /** Worth knowing, not wrong. */
  notes?: string[];
  details?: unknown;
};

export const whole = (n: number) => n.toLocaleString("en-GB", { maximumFractionDigits: 0 });
export const megabytes = (bytes: number | undefined) => (bytes === undefined ? undefined : `${whole(bytes / 1_048_576)} MiB`);

/** How a part measures the portal at saturation and at a fixed rate: this run's settings, its memory watched. */
export function portalMeasure(ctx: Context, { warmup }: { warmup: boolean }) {
  return {
    dir: ctx.dir,
    duration: ctx.options.duration,
    rateDuration: ctx.options.rateDuration,
    warmup: warmup && ctx.options.warmup ? { duration: ctx.options.warmup } : undefined,
    staticMax: ctx.staticMax,
    watchPid: ctx.portalPid,
  };
}
