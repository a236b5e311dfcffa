// Public pages: a walkthrough stage and an explainer topic, in English and
// Welsh, from the portal and from a static server sending the same saved HTML.
import { type Context, type Row, megabytes, whole } from "./context.ts";
import { type HttpFigure, type LoadRun, type LoadSpec, loadProblems, measureHttp, runLoad } from "./load.ts";
import { freePorts } from "./processes.ts";
import { savePages, startStaticServer } from "./static-server.ts";

export const PAGES = [
  { label: "Walkthrough stage, English", path: "/walkthrough/charging-decision" },
  { label: "Walkthrough stage, Welsh", path: "/cy/walkthrough/charging-decision" },
  { label: "Explainer topic, English", path: "/evidence/taking-data" },
  { label: "Explainer topic, Welsh", path: "/cy/evidence/taking-data" },
];

/**
 * The portal serves each page at least this share of the static server's
 * rate, and answers within PAGE_GOAL_P99_MS at half the static server's rate.
 */
export const PAGE_GOAL_RATIO = 0.85;
export const PAGE_GOAL_P99_MS = 10;
const PAGE_GOAL = `≥ ${PAGE_GOAL_RATIO} × static; p99 ≤ ${PAGE_GOAL_P99_MS} ms at half the static maximum`;

export type StaticReference = { kind: string; max: number };

/**
 * Measures each page on the static server and on the portal: the maximum,
 * then latency at a fixed rate. With `referenceOnly`, only the static
 * server's maximum on the first page, as the yardstick for the other figures.
 * Returns the rows and the static server's maximum.
 */
export async function measurePages(ctx: Context, { referenceOnly = false } = {}): Promise<{ rows: Row[]; reference: StaticReference }> {
  const { options } = ctx;
  const pages = referenceOnly ? PAGES.slice(0, 1) : PAGES;
  const { saved, skipped } = await savePages(ctx.portalUrl, pages.map((page) => page.path), ctx.dir);
  if (!saved.length) throw new Error("No public page answered 200, so there is nothing to measure.");
  const [staticPort] = (await freePorts(1)) as [number];
  const staticServer = await startStaticServer(ctx.dir, staticPort, saved);
  ctx.log(`Static server: ${staticServer.kind}, on ${staticServer.url}.`);

  const spec = (origin: string, path: string): LoadSpec => ({
    origin,
    path,
    headers: { "accept-encoding": "gzip" },
    connections: options.connections,
    expect: "2xx",
  });
  const staticWatch = { dir: ctx.dir, watchPid: staticServer.server.child.pid, watchTree: staticServer.memoryTree };
  const portalWatch = { dir: ctx.dir, watchPid: ctx.portalPid };
  const pagesToMeasure = referenceOnly ? [] : saved;

  // First every maximum, the two servers taking turns page by page, so that a
  // change in the machine's other work touches both alike; the fixed rate of
  // every later run is half the highest static maximum.
  const saturation = new Map<string, { static: LoadRun; portal?: LoadRun }>();
  for (const page of saved) {
    const staticSpec = spec(staticServer.url, page.path);
    if (options.warmup) await runLoad(staticSpec, { duration: options.warmup }, { dir: ctx.dir });
    const staticRun = await runLoad(staticSpec, { duration: options.duration }, staticWatch);
    ctx.log(`static ${page.path}: ${whole(staticRun.rate)}/s at saturation`);
    let portalRun: LoadRun | undefined;
    if (pagesToMeasure.includes(page)) {
      const portalSpec = spec(ctx.portalUrl, page.path);
      if (options.warmup) await runLoad(portalSpec, { duration: options.warmup }, { dir: ctx.dir });
      portalRun = await runLoad(portalSpec, { duration: options.duration }, portalWatch);
      ctx.log(`portal ${page.path}: ${whole(portalRun.rate)}/s at saturation`);
    }
    saturation.set(page.path, { static: staticRun, portal: portalRun });
  }
  const max = Math.max(...[...saturation.values()].map((runs) => runs.static.rate));
  ctx.staticMax = max;
  const reference = { kind: staticServer.kind, max };
  if (referenceOnly) {
    ctx.log(`Static reference: ${whole(max)} requests/s (${saved[0]!.path}).`);
    return { rows: [], reference };
  }

  // Then latency, both servers at the same rate.
  const rows: Row[] = [];
  for (const page of pagesToMeasure) {
    const label = PAGES.find((p) => p.path === page.path)!.label;
    const runs = saturation.get(page.path)!;
    const common = { dir: ctx.dir, duration: options.duration, rateDuration: options.rateDuration, staticMax: max, warmup: undefined };
    // Both at half the static maximum, whatever the portal's own maximum: the
    // goal is set at that rate.
    const rate = { rate: Math.max(1, max / 2), reason: "half the static maximum" as const };
    const staticFigure = await measureHttp(
      spec(staticServer.url, page.path),
      { ...common, watchPid: staticWatch.watchPid, watchTree: staticWatch.watchTree },
      (line) => ctx.log(`static ${page.path}: ${line}`),
      { saturation: runs.static, rate },
    );
    const portalFigure = await measureHttp(
      spec(ctx.portalUrl, page.path),
      { ...common, watchPid: ctx.portalPid },
      (line) => ctx.log(`portal ${page.path}: ${line}`),
      { saturation: runs.portal, rate },
    );
    rows.push(pageRow(label, page.path, page.bytes, portalFigure, staticFigure));
  }
  for (const { path, status } of skipped) {
    rows.push({
      section: "pages",
      measure: `${PAGES.find((p) => p.path === path)!.label}: GET ${path}`,
      result: `not measured: answered ${status}`,
      goal: PAGE_GOAL,
      met: false,
      problems: [`${path} answered ${status}, not 200`],
    });
  }
  return { rows, reference };
}

function pageRow(label: string, path: string, htmlBytes: number, portal: HttpFigure, staticFigure: HttpFigure): Row {
  const ratio = staticFigure.saturation.rate ? portal.saturation.rate / staticFigure.saturation.rate : 0;
  const problems = [
    ...loadProblems(`portal ${path} at saturation`, portal.saturation, "2xx"),
    ...loadProblems(`portal ${path} at a fixed rate`, portal.fixedRate, "2xx"),
    ...loadProblems(`static ${path} at saturation`, staticFigure.saturation, "2xx"),
    ...loadProblems(`static ${path} at a fixed rate`, staticFigure.fixedRate, "2xx"),
  ];
  return {
    section: "pages",
    measure: `${label}: GET ${path}`,
    result: `${whole(portal.saturation.rate)} requests/s`,
    value: portal.saturation.rate,
    staticRate: staticFigure.saturation.rate,
    ratio,
    latency: `${latencyText(portal)} at ${whole(portal.rate)}/s (static ${latencyText(staticFigure)})`,
    memory: `${megabytes(portal.peakRss) ?? "?"} (static ${megabytes(staticFigure.peakRss) ?? "?"})`,
    goal: PAGE_GOAL,
    met: problems.length === 0 && ratio >= PAGE_GOAL_RATIO && portal.fixedRate.latency.p99 <= PAGE_GOAL_P99_MS,
    problems,
    details: { path, htmlBytes, portal, static: staticFigure },
  };
}

export function latencyText(figure: HttpFigure) {
  return `${figure.fixedRate.latency.p50} / ${figure.fixedRate.latency.p99} ms`;
}
