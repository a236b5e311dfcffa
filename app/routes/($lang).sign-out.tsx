// Signing out ends the session on the server, not just in this browser.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { audit } from "~/features/audit/audit.server.ts";
import { requireCsrf, requirePartialSession } from "~/features/auth/guards.server.ts";
import { pathFor } from "~/features/auth/session-route.server.ts";
import { clearSessionCookie, endAllSessions, endSession, readSessionToken } from "~/features/auth/session.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { readForm } from "~/utils/read-form.server.ts";

export async function action({ request }: ActionFunctionArgs) {
  const session = await requirePartialSession(request);
  const form = await readForm(request);
  requireCsrf(session, form);
  const everywhere = form.get("everywhere") === "yes";
  if (everywhere) await endAllSessions(getDb(), session.userId);
  else await endSession(getDb(), readSessionToken(request));
  await audit(getDb(), { actorId: session.userId, action: everywhere ? "auth.sign_out_everywhere" : "auth.sign_out", targetType: "user", targetId: session.userId });
  return redirect(`${pathFor(request, "/sign-in")}`, { headers: { "Set-Cookie": clearSessionCookie() } });
}

export async function loader() {
  throw new Response("Not found", { status: 404 });
}

// Never shown: signing out always redirects. Having a page lets a refusal
// (an out-of-date form token, say) be shown as a page in words, not bare text.
export default function SignOut() {
  return null;
}
