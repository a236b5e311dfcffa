// An Area's inbox, signed in: GET /staff/queries as a member of the Area's
// staff. Every request checks the session, reads the Area's queries from the
// database and renders the page afresh (decision 010). The Area is given some
// queries first, sent by ISVAs through the form, as in real use.
import { CATEGORIES } from "../../../app/features/queries/schema.ts";
import { createSignedInAccounts } from "../../setup/signed-in.ts";
import { type Context, type Row, megabytes, portalMeasure, whole } from "./context.ts";
import { type LoadSpec, loadProblems, measureHttp } from "./load.ts";
import { latencyText } from "./pages.ts";
import { FORM_HEADERS, QUERY_PATH, isvaAccounts, queryForm } from "./queries.ts";

/** The inbox serves at least this share of the static server's maximum. */
export const INBOX_GOAL_RATIO = 1 / 50;
const INBOX_PATH = "/staff/queries";
/** West Yorkshire Police's cases go to CPS Yorkshire and Humberside. */
const FORCE_ID = "west-yorkshire";
const AREA_ID = "yorkshire-humberside";
const QUERIES = 30;
const ISVAS = 3;
const CONNECTIONS = 20;

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
  const inbox = async () => {
    const page = await fetch(`${ctx.portalUrl}${INBOX_PATH}`, {
      headers: { Cookie: staff!.cookie },
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
  ctx.log(`The Area's inbox lists ${listed} queries (${Math.round(html.length / 1024)} KiB of HTML), rendered afresh on every request.`);

  const spec: LoadSpec = {
    origin: ctx.portalUrl,
    path: INBOX_PATH,
    headers: { "accept-encoding": "gzip", Cookie: staff!.cookie },
    connections: CONNECTIONS,
    expect: "2xx",
  };
  const figure = await measureHttp(spec, portalMeasure(ctx, { warmup: true }), (line) => ctx.log(`inbox: ${line}`));
  return [inboxRow(ctx, figure, { listed, htmlBytes: html.length })];
}

function inboxRow(
  ctx: Context,
  figure: Awaited<ReturnType<typeof measureHttp>>,
  { listed, htmlBytes }: { listed: number; htmlBytes: number },
): Row {
  const problems = [
    ...loadProblems("inbox at saturation", figure.saturation, "2xx"),
    ...loadProblems("inbox at a fixed rate", figure.fixedRate, "2xx"),
  ];
  const rate = figure.saturation.rate;
  const ratio = ctx.staticMax ? rate / ctx.staticMax : undefined;
  return {
    section: "inbox",
    measure: `Area inbox, signed in as Area staff (${listed} queries; each request checks the session, reads the Area's queries and renders the page afresh): GET ${INBOX_PATH}`,
    result: `${whole(rate)} requests/s`,
    value: rate,
    staticRate: ctx.staticMax,
    ratio,
    latency: `${latencyText(figure)} at ${whole(figure.rate)}/s`,
    memory: megabytes(figure.peakRss),
    goal: "≥ 1/50 of static",
    met: ratio === undefined ? undefined : problems.length === 0 && ratio >= INBOX_GOAL_RATIO,
    problems,
    details: { connections: CONNECTIONS, queriesListed: listed, htmlBytes, figure },
  };
}
