// The second step of signing in, shared by the authenticator-code and the
// recovery-code pages: they differ only in what is typed.
import { data, redirect } from "@remix-run/node";
import { getDb } from "~/utils/db.server.ts";
import { parseWithZod } from "~/utils/forms.ts";
import { homeFor, requireCsrf, requirePartialSession } from "./guards.server.ts";
import { codeSchema, recoverySchema } from "./schemas.ts";
import { pathFor, signedInData } from "./session-route.server.ts";
import { sessionCookie } from "./session.server.ts";
import { completeSecondFactor } from "./sign-in.server.ts";
import { readForm } from "~/utils/read-form.server.ts";

export async function secondFactorPage(request: Request, { needsAuthenticator }: { needsAuthenticator: boolean }) {
  const session = await requirePartialSession(request);
  if (!session.mfaPending) throw redirect(homeFor(request, session.user));
  if (needsAuthenticator && !session.user.totpEnabledAt) throw redirect(pathFor(request, "/account/two-factor"));
  return signedInData(session);
}

export async function secondFactorStep(request: Request, kind: "code" | "recovery") {
  const session = await requirePartialSession(request);
  if (!session.mfaPending || !session.user.totpEnabledAt) throw redirect(pathFor(request, "/sign-in"));
  const form = await readForm(request);
  requireCsrf(session, form);
  const submission = parseWithZod(form, { schema: kind === "code" ? codeSchema : recoverySchema });
  if (submission.status !== "success") return data(submission.reply({ resetForm: true }), { status: 400 });
  const typed = submission.value.code;
  const result = await completeSecondFactor(getDb(), session, kind === "code" ? { code: typed } : { recoveryCode: typed });
  if (!result.ok) return data(submission.reply({ fieldErrors: { code: [result.error] }, resetForm: true }), { status: 400 });
  return redirect(homeFor(request, session.user), { headers: { "Set-Cookie": sessionCookie(result.token) } });
}
