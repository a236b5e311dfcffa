// Sign-in with the right password, through HTTP: POST /sign-in, which checks
// the rate limits, verifies the password against its argon2id hash and starts
// a session awaiting the second factor. Argon2id is deliberately slow, so this
// is the portal's most expensive request.
//
// The rate limits do not get in the way: the per-account limit is counted
// before the check and cleared by a success, and the per-address limit gives
// the attempt back after a success (it counts only failures). The load is
// spread over many accounts all the same, so that no account has more than a
// few attempts in flight at once.
import { hashPassword } from "../../../app/features/auth/password.server.ts";
import { createSignedInAccounts } from "../../setup/signed-in.ts";
import { type Context, type Row, megabytes, portalMeasure, whole } from "./context.ts";
import { type LoadSpec, loadProblems, measureHttp } from "./load.ts";
import { latencyText } from "./pages.ts";
import { FORM_HEADERS } from "./queries.ts";

const SIGN_IN_PATH = "/sign-in";
const ACCOUNTS = 200;
const CONNECTIONS = 16;
// A password that passes the policy; every bench account has it.
const PASSWORD = "harbour lantern quietly 4 marmalade";

export async function measureSignIn(ctx: Context): Promise<Row> {
  const { db } = ctx;
  // One hash for all: each has its own salt in real life, but verifying costs the same.
  const passwordHash = await hashPassword(PASSWORD);
  const accounts = await createSignedInAccounts(
    db,
    Array.from({ length: ACCOUNTS }, (_, i) => ({
      email: `bench-sign-in-${String(i + 1).padStart(3, "0")}@isva-service.example`,
      name: `Bench Sign-in ${i + 1}`,
      roles: ["ISVA" as const],
      organisation: "Example ISVA Service",
      passwordHash,
    })),
  );
  ctx.log(`Created ${accounts.length} accounts with a password and an authenticator.`);

  const spec: LoadSpec = {
    origin: ctx.portalUrl,
    path: SIGN_IN_PATH,
    method: "POST",
    headers: FORM_HEADERS,
    variants: accounts.map(({ email }) => ({ body: new URLSearchParams({ email, password: PASSWORD }).toString() })),
    connections: CONNECTIONS,
    expect: "3xx",
    // The password step done, the second factor is next.
    location: "^/sign-in/code$",
  };
  const figure = await measureHttp(
    spec,
    portalMeasure(ctx, { warmup: true }),
    (line) => ctx.log(`sign-in: ${line}`),
  );
  const problems = [
    ...loadProblems("sign-in at saturation", figure.saturation, "3xx"),
    ...loadProblems("sign-in at a fixed rate", figure.fixedRate, "3xx"),
  ];
  const rate = figure.saturation.rate;
  return {
    section: "sign-in",
    measure: `Sign-in with the right password (argon2id verification), over HTTP: POST ${SIGN_IN_PATH}`,
    result: `${whole(rate)} sign-ins/s`,
    value: rate,
    staticRate: ctx.staticMax,
    ratio: ctx.staticMax ? rate / ctx.staticMax : undefined,
    latency: `${latencyText(figure)} at ${whole(figure.rate)}/s`,
    memory: megabytes(figure.peakRss),
    goal: "none set",
    met: problems.length ? false : undefined,
    problems,
    details: { connections: CONNECTIONS, accounts: accounts.length, figure },
  };
}
