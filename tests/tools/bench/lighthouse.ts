// Lighthouse, programmatically, against Debian's Chromium (or the one in
// PLAYWRIGHT_CHROMIUM_PATH, as for the browser tests): its default mobile
// settings (a mid-range phone on a slow 4G connection, simulated), the
// performance category only, several runs a page, each figure the median of
// its runs.
//
// Chromium is given more than one CPU, though the benchmark runs its other
// clients on one: Lighthouse slows the page's work down 4 times to stand for a
// phone, whose browser has several cores of its own. Pinned to one CPU,
// Chromium's browser, page and compositor processes queue behind one another,
// and that wait is slowed down 4 times too: total blocking time rose from
// 0-50 ms to 200-330 ms and scores fell from 100 to 93-96. It gets every CPU
// the benchmark may use but the servers' one (BROWSER_CPUS); on a machine with
// only two, that leaves one, so it gets both, and the portal answers the page's
// requests on the servers' CPU beside it. No load generator runs meanwhile.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { type Context, type Row } from "./context.ts";
import { BROWSER_CPUS, canPin } from "./processes.ts";

export const GOAL_SCORE = 98;
export const GOAL_LCP_MS = 1_500;
const CHROMIUM = process.env.PLAYWRIGHT_CHROMIUM_PATH || "/usr/bin/chromium";
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];
const RUN_ALLOWANCE_MS = 15_000;
const PAGES = [
  { label: "Walkthrough stage", path: "/walkthrough/charging-decision" },
  { label: "Home page", path: "/" },
];

type Run = { score: number; lcp: number; tbt: number; cls: number; fcp: number };

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Chromium, started on BROWSER_CPUS rather than the one CPU the benchmark's process is on (see above). */
function unpinned(ctx: Context): string {
  if (!canPin) return CHROMIUM;
  const wrapper = path.join(ctx.scope.tempDir("chromium-"), "chromium");
  fs.writeFileSync(wrapper, `#!/bin/sh\nexec taskset -c ${BROWSER_CPUS.join(",")} '${CHROMIUM.replace(/'/g, "'\\''")}' "$@"\n`, { mode: 0o755 });
  return wrapper;
}

export async function measureLighthouse(ctx: Context): Promise<Row[]> {
  const goal = `score ≥ ${GOAL_SCORE}, LCP ≤ ${GOAL_LCP_MS / 1000} s`;
  const measure = (label: string, path: string) => `Lighthouse, mobile, ${label}: ${path}`;
  if (!fs.existsSync(CHROMIUM)) {
    return PAGES.map(({ label, path }) => ({
      section: "lighthouse",
      measure: measure(label, path),
      result: `not run: no Chromium at ${CHROMIUM}`,
      goal,
      problems: [`no Chromium at ${CHROMIUM} (apt-get install chromium, or set PLAYWRIGHT_CHROMIUM_PATH)`],
      met: false,
    }));
  }
  const chrome = await chromeLauncher.launch({ chromePath: unpinned(ctx), chromeFlags: CHROME_FLAGS, logLevel: "silent", handleSIGINT: false });
  ctx.scope.defer(() => chrome.kill());
  const rows: Row[] = [];
  let lighthouseVersion: string | undefined;
  const browser = spawnSync(CHROMIUM, ["--version"], { encoding: "utf8", timeout: 10_000 }).stdout?.trim() || CHROMIUM;
  try {
    for (const { label, path } of PAGES) {
      const url = `${ctx.portalUrl}${path}`;
      // Rendered once, the page is served from the portal's page cache, as a visitor would find it.
      await (await fetch(url)).arrayBuffer();
      const runs: Run[] = [];
      const warnings = new Set<string>();
      for (let i = 0; i < ctx.options.lighthouseRuns; i++) {
        // Each run takes a few seconds; stop short rather than overrun the time limit.
        if (runs.length && performance.now() + RUN_ALLOWANCE_MS > ctx.deadline) {
          warnings.add(`only ${runs.length} of ${ctx.options.lighthouseRuns} runs: the run's time limit was near`);
          break;
        }
        const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
        if (!result) throw new Error(`Lighthouse returned nothing for ${url}.`);
        const { lhr } = result;
        if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.message}`);
        for (const warning of lhr.runWarnings) warnings.add(warning);
        lighthouseVersion = lhr.lighthouseVersion;
        const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
        runs.push({
          score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
          lcp: audit("largest-contentful-paint"),
          tbt: audit("total-blocking-time"),
          cls: audit("cumulative-layout-shift"),
          fcp: audit("first-contentful-paint"),
        });
      }
      const figures = {
        score: median(runs.map((run) => run.score)),
        lcp: median(runs.map((run) => run.lcp)),
        tbt: median(runs.map((run) => run.tbt)),
        cls: median(runs.map((run) => run.cls)),
        fcp: median(runs.map((run) => run.fcp)),
      };
      ctx.log(
        `lighthouse ${path}: scores ${runs.map((run) => run.score).join(", ")}; ` +
          `LCP ${runs.map((run) => (run.lcp / 1000).toFixed(2)).join(", ")} s`,
      );
      const notes = [...warnings].map((warning) => `Lighthouse warned: ${warning}`);
      rows.push({
        section: "lighthouse",
        measure: measure(label, path),
        result:
          `score ${Math.round(figures.score)}, LCP ${(figures.lcp / 1000).toFixed(2)} s, ` +
          `TBT ${Math.round(figures.tbt)} ms, CLS ${figures.cls.toFixed(3)}`,
        value: figures.score,
        goal,
        met: figures.score >= GOAL_SCORE && figures.lcp <= GOAL_LCP_MS,
        problems: [],
        notes,
        details: { url, median: figures, runs, lighthouseVersion: lighthouseVersion ?? "", browser },
      });
    }
  } finally {
    chrome.kill();
  }
  return rows;
}
