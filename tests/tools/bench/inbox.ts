// An Area's inbox, signed in: GET /staff/queries as a member of the Area's
// staff. Every request checks the session and reads the Area's queries from
// the database; the page is rendered again only when something on it has
// changed (decision 009), so it is measured twice: as reloaded in everyday
// use, and rendered afresh on every request (a reload with Cache-Control:
// no-cache). The Area is given some queries first, sent by ISVAs through the
// form, as in real use.
import { CATEGORIES } from "../../../app/features/queries/schema.ts";
import { createSignedInAccounts } from "../../setup/signed-in.ts";
import { type Context, type Row, megabytes, portalMeasure, whole } from "./context.ts";
import { type LoadSpec, loadProblems, measureHttp } from "./load.ts";
import { latencyText } from "./pages.ts";
import { FORM_HEADERS, QUERY_PATH, isvaAccounts, queryForm } from "./queries.ts";

/** The inbox serves at least this share of the static server's maximum. */
export const INBOX_GOAL_RATIO = 1 / 20;
const INBOX_PATH = "/staff/queries";
/** West Yorkshire Police's cases go to CPS Yorkshire and Humberside. */
const FORCE_ID = "west-yorkshire";
const AREA_ID = "yorkshire-humberside";
const QUERIES = 30;
const ISVAS = 3;
const CONNECTIONS = 20;
const FRESH = { "cache-control": "no-cache" };

export async function measureInbox(ctx: Context): Promise<Row[]> {
  const { db } = ctx;
  const isvas = await createSignedInAccounts(db, isvaAccounts("bench-inbox-isva", ISVAS));
  for (let i = 0; i < QUERIES; i++) {
    const isva = isvas[i % isvas.length]!;
    const response = await fetch(`${ctx.portalUrl}${QUERY_PATH}`, {
      method: "POST",
      redirect: "manual",
      headers: { ...FORM_HEADERS, Cookie: isva.cookie },
      body: queryForm(isva.csrf, FORCE_ID, CATEGORIES[i % CATEGORIES.length]!),
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer();
    if (response.status !== 303 && response.status !== 302) throw new Error(`A query for the inbox was not stored: ${response.status}.`);
  }
  const [staff] = await createSignedInAccounts(db, [
    { email: "bench-area-staff@cps.example", name: "Bench Area Staff", roles: ["AREA_STAFF"], areaId: AREA_ID },
  ]);
  const inbox = async (headers: Record<string, string> = {}) => {
    const page = await fetch(`${ctx.portalUrl}${INBOX_PATH}`, {
      headers: { Cookie: staff!.cookie, ...headers },
      redirect: "manual",
      signal: AbortSignal.timeout(10_000),
    });
    const html = await page.text();
    const nonce = /'nonce-([^']+)'/.exec(page.headers.get("content-security-policy") ?? "")?.[1];
    if (page.status !== 200 || !nonce) throw new Error(`The inbox answered ${page.status}${nonce ? "" : " without a nonce"}.`);
    return html.replaceAll(nonce, "NONCE");
  };
  const html = await inbox();
  const listed = new Set(html.match(/Q-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}/g) ?? []).size;
  if (listed < QUERIES) throw new Error(`The inbox listed ${listed} queries, not the ${QUERIES} sent.`);
  // What is sent again is what a rendering now would give, but for the nonce.
  if ((await inbox()) !== (await inbox(FRESH))) throw new Error("The inbox sent again differs from the inbox rendered afresh.");
  ctx.log(`The Area's inbox lists ${listed} queries (${Math.round(html.length / 1024)} KiB of HTML); sent again, it is the page rendered afresh.`);

  const rows: Row[] = [];
  for (const fresh of [false, true]) {
    const spec: LoadSpec = {
      origin: ctx.portalUrl,
      path: INBOX_PATH,
      headers: { "accept-encoding": "gzip", Cookie: staff!.cookie, ...(fresh ? FRESH : {}) },
      connections: CONNECTIONS,
      expect: "2xx",
    };
    const figure = await measureHttp(spec, portalMeasure(ctx, { warmup: true }), (line) =>
      ctx.log(`inbox${fresh ? " rendered afresh" : ""}: ${line}`),
    );
    rows.push(inboxRow(ctx, figure, { fresh, listed, htmlBytes: html.length }));
  }
  return rows;
}

function inboxRow(
  ctx: Context,
  figure: Awaited<ReturnType<typeof measureHttp>>,
  { fresh, listed, htmlBytes }: { fresh: boolean; listed: number; htmlBytes: number },
): Row {
  const problems = [
    ...loadProblems("inbox at saturation", figure.saturation, "2xx"),
    ...loadProblems("inbox at a fixed rate", figure.fixedRate, "2xx"),
  ];
  const rate = figure.saturation.rate;
  const ratio = ctx.staticMax ? rate / ctx.staticMax : undefined;
  return {
    section: "inbox",
    measure: fresh
      ? `Area inbox rendered afresh on every request (Cache-Control: no-cache), for comparison: GET ${INBOX_PATH}`
      : `Area inbox, signed in as Area staff (${listed} queries; each request checks the session and reads the Area's queries): GET ${INBOX_PATH}`,
    result: `${whole(rate)} requests/s`,
    value: rate,
    staticRate: ctx.staticMax,
    ratio,
    latency: `${latencyText(figure)} at ${whole(figure.rate)}/s`,
    memory: megabytes(figure.peakRss),
    goal: fresh ? "none set" : "≥ 1/20 of static",
    met: fresh || ratio === undefined ? undefined : problems.length === 0 && ratio >= INBOX_GOAL_RATIO,
    problems,
    details: { connections: CONNECTIONS, queriesListed: listed, htmlBytes, renderedAfresh: fresh, figure },
  };
}
