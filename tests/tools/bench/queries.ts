// ISVA query submissions through the whole stack (session, CSRF check,
// validation, routing, rate limit, the transaction that stores the query and
// queues its two e-mails, the redirect), then a check in the database that
// every submission was stored with exactly its two outbox e-mails.
//
// One ISVA may send only a limited number of queries an hour, so the load is
// spread over many ISVA accounts (--users), each with a fully signed-in
// session written straight into the database. Submissions are warmed up with
// two per ISVA; the warm-up, the run at saturation and the run at a fixed rate
// all count against the hourly allowance.
import type pg from "pg";
import { LIMITS } from "../../../app/features/security/rate-limit.server.ts";
import type { Category } from "../../../app/features/queries/schema.ts";
import { createSignedInAccounts } from "../../setup/signed-in.ts";
import { breakdownText, profileRequests } from "./profile.ts";
import { type Context, type Row, megabytes, portalMeasure, whole } from "./context.ts";
import { type LoadRun, type LoadSpec, loadProblems, measureHttp, runLoad } from "./load.ts";
import { latencyText } from "./pages.ts";
import { sleep } from "./processes.ts";

export const GOAL_PER_SECOND = 300;
export const QUERY_PATH = "/isva/queries/new";
/** Where a stored query sends the browser: the new query's page. */
const SENT_LOCATION = "^/isva/queries/Q-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}\\?sent=1$";
/** Queries one ISVA may send in an hour: the portal's own limit. */
const PER_USER_LIMIT = LIMITS.querySend.points;
const WARMUP_PER_USER = 2;
const CONNECTIONS = 20;
const FORCE_ID = "lancashire";
const DB_SETTLE_MS = 15_000;
// About 300 characters, like a real question (no real case details).
const QUESTION =
  "Could you tell me whether the file has gone to a CPS lawyer for a charging decision yet, and if so roughly " +
  "when a decision is expected? The person I support has heard nothing for six weeks and is finding the wait " +
  "hard. She would also like to know whether special measures can be asked for now or only once there is a trial date.";

export const FORM_HEADERS = { "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin" };

/** The body of a "send" from the new-query form. */
export function queryForm(csrf: string, forceId: string, category: Category) {
  return new URLSearchParams({ csrf, intent: "send", forceId, category, question: QUESTION, consent: "yes" }).toString();
}

export function isvaAccounts(prefix: string, count: number) {
  return Array.from({ length: count }, (_, i) => {
    const number = String(i + 1).padStart(3, "0");
    return {
      email: `${prefix}-${number}@isva-service.example`,
      name: `Bench ISVA ${number}`,
      roles: ["ISVA" as const],
      organisation: "Example ISVA Service",
    };
  });
}

/** Seconds of the profiled run that says where a submission's time goes. */
const PROFILE_SECONDS = 5;

export const count = async (db: pg.Client, sql: string) => Number((await db.query<{ n: string }>(sql)).rows[0]!.n);

/**
 * Waits until no more queries are being stored: autocannon closes its
 * connections when the clock stops without waiting for the requests still in
 * flight, and the portal finishes those.
 */
async function settledQueryCount(db: pg.Client) {
  const deadline = Date.now() + DB_SETTLE_MS;
  let last = await count(db, "SELECT count(*) AS n FROM isva_query");
  while (Date.now() < deadline) {
    await sleep(500);
    const now = await count(db, "SELECT count(*) AS n FROM isva_query");
    if (now === last) return now;
    last = now;
  }
  return last;
}

export async function measureQueries(ctx: Context): Promise<Row> {
  const { options, db } = ctx;
  if (options.users * WARMUP_PER_USER < CONNECTIONS) throw new Error(`--users=${options.users} is too few for ${CONNECTIONS} connections.`);
  const queriesBefore = await count(db, "SELECT count(*) AS n FROM isva_query");
  // Only this run's submissions are checked for their e-mails: the inbox's
  // queries, written straight into the database before, have none.
  const startedAt = (await db.query<{ at: Date }>("SELECT clock_timestamp() AS at")).rows[0]!.at;
  const outboxBefore = await count(db, "SELECT count(*) AS n FROM outbox_message");
  const sessions = await createSignedInAccounts(db, isvaAccounts("bench-isva", options.users));
  ctx.log(`Created ${sessions.length} ISVA accounts, each signed in with its own session.`);

  const spec: LoadSpec = {
    origin: ctx.portalUrl,
    path: QUERY_PATH,
    method: "POST",
    headers: FORM_HEADERS,
    variants: sessions.map(({ cookie, csrf }) => ({ cookie, body: queryForm(csrf, FORCE_ID, "CASE_PROGRESS") })),
    connections: CONNECTIONS,
    expect: "3xx",
    location: SENT_LOCATION,
  };
  const warmup = await runLoad(spec, { amount: sessions.length * WARMUP_PER_USER }, { dir: ctx.dir });
  const warmupProblems = loadProblems("submission warm-up", warmup, "3xx");
  if (warmupProblems.length) throw new Error(`The warm-up submissions were not all stored:\n${warmupProblems.join("\n")}`);
  const figure = await measureHttp(
    spec,
    // Warmed up already, with real submissions.
    portalMeasure(ctx, { warmup: false }),
    (line) => ctx.log(`submissions: ${line}`),
  );

  // autocannon stops its clock without waiting for the requests in flight, and
  // the portal completes those too: up to one a connection a run.
  const runs: LoadRun[] = [warmup, figure.saturation, figure.fixedRate];
  const answered = runs.reduce((sum, run) => sum + run.good, 0);
  const inFlight = runs.reduce((sum, run) => sum + Math.min(CONNECTIONS, Math.max(0, run.sent - run.completed)), 0);
  const queries = (await settledQueryCount(db)) - queriesBefore;
  const outbox = (await count(db, "SELECT count(*) AS n FROM outbox_message")) - outboxBefore;
  const withoutTwoMails = Number(
    (
      await db.query<{ n: string }>(
        `SELECT count(*) AS n FROM isva_query q
          WHERE q.created_at >= $1
            AND (SELECT count(*) FROM outbox_message m
                  WHERE m.idempotency_key IN ('query-received:' || q.id, 'query-acknowledged:' || q.id)) <> 2`,
        [startedAt],
      )
    ).rows[0]!.n,
  );
  const consistent = queries >= answered && queries <= answered + inFlight && outbox === 2 * queries && withoutTwoMails === 0;

  const problems = [
    ...loadProblems("submissions at saturation", figure.saturation, "3xx"),
    ...loadProblems("submissions at a fixed rate", figure.fixedRate, "3xx"),
  ];
  if (problems.some((problem) => problem.includes(" 429 "))) {
    problems.push(`429 means an ISVA reached the limit of ${PER_USER_LIMIT} queries an hour: run with more --users.`);
  }
  if (!consistent) {
    problems.push(
      `database: ${queries} queries stored where ${answered} to ${answered + inFlight} were expected, ${outbox} outbox rows where ` +
        `${2 * queries} were expected, ${withoutTwoMails} queries without exactly two e-mails`,
    );
  }
  // Where a submission's time goes: after the counts above, since the
  // profiled process stores its submissions in the same database.
  const { origin: _, ...profiledSpec } = spec;
  const where = breakdownText(await profileRequests(ctx, profiledSpec, PROFILE_SECONDS));
  ctx.log(`submissions: ${where}`);
  const rate = figure.saturation.rate;
  const ratio = ctx.staticMax ? rate / ctx.staticMax : undefined;
  return {
    notes: [where],
    section: "queries",
    measure: `ISVA query submission, stored with its 2 outbox e-mails: POST ${QUERY_PATH}`,
    result: `${whole(rate)} submissions/s`,
    value: rate,
    staticRate: ctx.staticMax,
    ratio,
    latency: `${latencyText(figure)} at ${whole(figure.rate)}/s`,
    memory: megabytes(figure.peakRss),
    goal: `≥ ${GOAL_PER_SECOND}/s`,
    met: problems.length === 0 && rate >= GOAL_PER_SECOND,
    problems,
    details: {
      connections: CONNECTIONS,
      users: sessions.length,
      allowance: sessions.length * PER_USER_LIMIT,
      warmup,
      figure,
      database: { queries, answered, inFlight, outbox, withoutTwoMails, consistent },
    },
  };
}
