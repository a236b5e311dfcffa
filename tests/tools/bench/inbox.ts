// An Area's inbox, signed in: GET /staff/queries as a member of the Area's
// staff. Every request checks the session, reads the Area's queries from the
// database and renders its first page of 25 afresh (decision 010). The Area
// holds 3,000 queries and 300 users, as a large Area might: 30 sent by ISVAs
// through the form, as in real use, and the rest written straight to the
// database, spread over the statuses and assigned to the Area's staff.
import { CATEGORIES } from "../../../app/features/queries/schema.ts";
import { createSignedInAccounts } from "../../setup/signed-in.ts";
import { type Context, type Row, megabytes, portalMeasure, whole } from "./context.ts";
import { type LoadSpec, loadProblems, measureHttp } from "./load.ts";
import { latencyText } from "./pages.ts";
import { breakdownText, profileRequests } from "./profile.ts";
import { FORM_HEADERS, QUERY_PATH, isvaAccounts, queryForm } from "./queries.ts";

/** The inbox serves at least this share of the static server's maximum. */
export const INBOX_GOAL_RATIO = 1 / 50;
const INBOX_PATH = "/staff/queries";
/** West Yorkshire Police's cases go to CPS Yorkshire and Humberside. */
const FORCE_ID = "west-yorkshire";
const AREA_ID = "yorkshire-humberside";
const QUERIES_SENT = 30;
const QUERIES = 3_000;
const USERS = 300;
const PAGE_ROWS = 25;
const ISVAS = 3;
const CONNECTIONS = 20;
/** Seconds of the profiled run that says where a request's time goes. */
const PROFILE_SECONDS = 5;

export async function measureInbox(ctx: Context): Promise<Row[]> {
  const { db } = ctx;
  const isvas = await createSignedInAccounts(db, isvaAccounts("bench-inbox-isva", ISVAS));
  for (let i = 0; i < QUERIES_SENT; i++) {
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
  await seedArea(
    ctx,
    isvas.map((isva) => isva.userId)
  );
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
  const listed = new Set(html.match(/\/staff\/queries\/Q-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}"/g) ?? []).size;
  if (listed !== PAGE_ROWS) throw new Error(`The inbox's first page listed ${listed} queries, not ${PAGE_ROWS}.`);
  const stored = Number((await db.query<{ count: string }>("SELECT count(*) FROM isva_query WHERE area_id = $1", [AREA_ID])).rows[0]!.count);
  ctx.log(
    `The Area holds ${stored} queries; the inbox's first page lists ${listed} (${Math.round(
      html.length / 1024
    )} KiB of HTML), rendered afresh on every request.`
  );

  const spec: LoadSpec = {
    origin: ctx.portalUrl,
    path: INBOX_PATH,
    headers: { "accept-encoding": "gzip", Cookie: staff!.cookie },
    connections: CONNECTIONS,
    expect: "2xx",
  };
  const figure = await measureHttp(spec, portalMeasure(ctx, { warmup: true }), (line) => ctx.log(`inbox: ${line}`));
  const { origin: _, ...profiledSpec } = spec;
  const breakdown = await profileRequests(ctx, profiledSpec, PROFILE_SECONDS);
  const where = breakdownText(breakdown);
  ctx.log(`inbox: ${where}`);
  const queryPage = await measureQueryPage(ctx, staff!);
  return [{ ...inboxRow(ctx, figure, { listed, stored, htmlBytes: html.length }), notes: [where] }, queryPage];
}

/** The staff changes that give a query's page a timeline, made through the page's own forms. */
const TIMELINE_FORMS = (csrf: string, assigneeId: string): Array<Record<string, string>> => [
  { csrf, intent: "assign", assigneeId },
  { csrf, intent: "note", note: "Checked with the case lawyer: a decision is due this month." },
  { csrf, intent: "reply", body: "Thank you. The case lawyer expects to decide this month; we will write as soon as they do." },
  { csrf, intent: "status", status: "IN_PROGRESS" },
  { csrf, intent: "note", note: "Reopened: the ISVA asked for the date of the decision." },
];

/**
 * A query's page with its timeline (received and routed, assigned, a note, a
 * reply, a status change and another note), as the Area's staff see it:
 * rendered afresh on every request, like the inbox.
 */
async function measureQueryPage(ctx: Context, staff: { cookie: string; csrf: string; userId: string }): Promise<Row> {
  const { db } = ctx;
  const { reference } = (
    await db.query<{ reference: string }>(
      "SELECT reference FROM isva_query WHERE area_id = $1 AND organisation <> 'Bench ISVA Service' ORDER BY created_at LIMIT 1",
      [AREA_ID]
    )
  ).rows[0]!;
  const path = `${INBOX_PATH}/${reference}`;
  for (const fields of TIMELINE_FORMS(staff.csrf, staff.userId)) {
    const response = await fetch(`${ctx.portalUrl}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { ...FORM_HEADERS, Cookie: staff.cookie },
      body: new URLSearchParams(fields).toString(),
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer();
    if (response.status >= 400) throw new Error(`The query's ${fields.intent} form answered ${response.status}.`);
  }
  const page = await fetch(`${ctx.portalUrl}${path}`, { headers: { Cookie: staff.cookie }, signal: AbortSignal.timeout(10_000) });
  const html = await page.text();
  const events = (html.match(/class="moj-timeline__item"/g) ?? []).length;
  if (page.status !== 200 || events < TIMELINE_FORMS("", "").length + 1) {
    throw new Error(`The query's page answered ${page.status} with ${events} timeline entries.`);
  }
  ctx.log(`The query's page shows ${events} timeline entries (${Math.round(html.length / 1024)} KiB of HTML).`);
  const spec: LoadSpec = {
    origin: ctx.portalUrl,
    path,
    headers: { "accept-encoding": "gzip", Cookie: staff.cookie },
    connections: CONNECTIONS,
    expect: "2xx",
  };
  const figure = await measureHttp(spec, portalMeasure(ctx, { warmup: true }), (line) => ctx.log(`query page: ${line}`));
  const { origin: _, ...profiledSpec } = spec;
  const where = breakdownText(await profileRequests(ctx, profiledSpec, PROFILE_SECONDS));
  ctx.log(`query page: ${where}`);
  return {
    ...signedInRow(ctx, "query page", figure, `A query's page with its timeline (${events} entries), signed in as Area staff, rendered afresh: GET ${INBOX_PATH}/:reference`),
    notes: [where],
    details: { connections: CONNECTIONS, timelineEntries: events, htmlBytes: html.length, figure },
  };
}

/** Fills the Area to QUERIES queries and USERS users, in two statements. */
async function seedArea(ctx: Context, isvaIds: string[]) {
  const { db } = ctx;
  const colleagues = USERS - 1;
  await db.query(
    `INSERT INTO app_user (id, email, name, roles, status, area_id, created_at, updated_at)
     SELECT gen_random_uuid(), 'bench-colleague-' || n || '@cps.example', 'Colleague ' || n, ARRAY['AREA_STAFF']::"Role"[], 'ACTIVE', $1, now(), now()
     FROM generate_series(1, $2::int) AS n`,
    [AREA_ID, colleagues]
  );
  const alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  const code = (n: number) => Array.from({ length: 8 }, (_, i) => alphabet[Math.floor(n / alphabet.length ** i) % alphabet.length]).join("");
  const references = Array.from({ length: QUERIES - QUERIES_SENT }, (_, n) => `Q-${code(n + 7).slice(0, 4)}-${code(n + 7).slice(4)}`);
  await db.query(
    `WITH staff AS (SELECT array_agg(id ORDER BY email) AS ids FROM app_user WHERE area_id = $2 AND email LIKE 'bench-colleague-%')
     INSERT INTO isva_query (id, reference, force_id, area_id, routing_reason, category, status, isva_id, organisation, assignee_id, due_on, created_at, updated_at)
     SELECT gen_random_uuid(), r.reference, $1, $2, $3::jsonb,
            (ARRAY['CASE_PROGRESS', 'TRIAL_DATE', 'DISCLOSURE', 'OTHER'])[1 + r.n % 4]::"QueryCategory",
            (ARRAY['NEW', 'IN_PROGRESS', 'ANSWERED', 'CLOSED', 'CLOSED'])[1 + r.n % 5]::"QueryStatus",
            ($4::uuid[])[1 + r.n % cardinality($4::uuid[])], 'Bench ISVA Service',
            CASE WHEN r.n % 3 = 0 THEN NULL ELSE staff.ids[1 + r.n % cardinality(staff.ids)] END,
            current_date + (r.n % 40 - 20)::int, now() - r.n * interval '7 minutes', now()
     FROM unnest($5::text[]) WITH ORDINALITY AS r(reference, n), staff`,
    [FORCE_ID, AREA_ID, JSON.stringify({ code: "force", areaId: AREA_ID, forceId: FORCE_ID }), isvaIds, references]
  );
}

function inboxRow(
  ctx: Context,
  figure: Awaited<ReturnType<typeof measureHttp>>,
  { listed, stored, htmlBytes }: { listed: number; stored: number; htmlBytes: number }
): Row {
  const measure = `Area inbox, signed in as Area staff (${stored.toLocaleString(
    "en-GB"
  )} queries and ${USERS} users in the Area; each request checks the session, counts the views and renders the first page of ${listed} afresh): GET ${INBOX_PATH}`;
  return { ...signedInRow(ctx, "inbox", figure, measure), details: { connections: CONNECTIONS, queriesListed: listed, queriesStored: stored, htmlBytes, figure } };
}

/** A signed-in page's report row: its rate against the static server's, its latency, memory and problems. */
function signedInRow(ctx: Context, name: string, figure: Awaited<ReturnType<typeof measureHttp>>, measure: string): Row {
  const problems = [...loadProblems(`${name} at saturation`, figure.saturation, "2xx"), ...loadProblems(`${name} at a fixed rate`, figure.fixedRate, "2xx")];
  const rate = figure.saturation.rate;
  const ratio = ctx.staticMax ? rate / ctx.staticMax : undefined;
  return {
    section: "inbox",
    measure,
    result: `${whole(rate)} requests/s`,
    value: rate,
    staticRate: ctx.staticMax,
    ratio,
    latency: `${latencyText(figure)} at ${whole(figure.rate)}/s`,
    memory: megabytes(figure.peakRss),
    goal: "≥ 1/50 of static",
    met: ratio === undefined ? undefined : problems.length === 0 && ratio >= INBOX_GOAL_RATIO,
    problems,
  };
}
