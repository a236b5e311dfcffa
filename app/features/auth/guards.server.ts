// Guards: the first line of every protected loader and action. They throw a
// redirect (not signed in) or a 403/404 response, so a route cannot forget to
// stop. Checks are made on the server for every record.
import { json, redirect } from "@remix-run/node";
import type { Role } from "~/generated/prisma/client.ts";
import { getDb } from "~/utils/db.server.ts";
import { log } from "~/utils/logger.server.ts";
import { safeEqual } from "./tokens.server.ts";
import { pathFor, signedInData } from "./session-route.server.ts";
import { loadSession, readSessionToken, type SessionWithUser } from "./session.server.ts";

export type SignedIn = SessionWithUser;
export type CurrentUser = SessionWithUser["user"];

/** The signed-in user (password and second factor done, account active). */
export async function requireUser(request: Request): Promise<SignedIn> {
  const session = await loadSession(getDb(), readSessionToken(request));
  if (!session) throw redirect(pathFor(request, "/sign-in"));
  if (session.user.status !== "ACTIVE") throw redirect(pathFor(request, "/account/pending"));
  if (session.mfaPending) throw redirect(pathFor(request, session.user.totpEnabledAt ? "/sign-in/code" : "/account/two-factor"));
  return session;
}

/** A session part-way through signing in (password checked, second factor not yet). */
export async function requirePartialSession(request: Request): Promise<SignedIn> {
  const session = await loadSession(getDb(), readSessionToken(request));
  if (!session) throw redirect(pathFor(request, "/sign-in"));
  return session;
}

export function hasRole(user: CurrentUser, ...roles: Role[]) {
  return roles.some((role) => user.roles.includes(role));
}

const STAFF_ROLES: Role[] = ["AREA_STAFF", "VLO", "LETTER_EDITOR", "ADMIN"];

/**
 * What the error page needs to tell someone that their role cannot use a page:
 * where they can go instead (without the language prefix), and who they are,
 * for the workspace's header.
 */
export type RoleRefusal = { refused: "role"; home: "/staff" | "/isva" } & ReturnType<typeof signedInData>;

/** A refused check is a security event: logged with the user's id and the check, nothing more. */
function refuse(session: SignedIn, check: "role" | "csrf"): never {
  log.warn("access refused", { check, userId: session.user.id });
  if (check === "role") {
    const refusal: RoleRefusal = { refused: "role", home: hasRole(session.user, ...STAFF_ROLES) ? "/staff" : "/isva", ...signedInData(session) };
    throw json(refusal, { status: 403, headers: { "Cache-Control": "no-store" } });
  }
  throw new Response("Forbidden", { status: 403 });
}

/** Refuses (403) a user who holds none of the roles. */
export function requireRole(session: SignedIn, ...roles: Role[]): SignedIn {
  if (!hasRole(session.user, ...roles)) refuse(session, "role");
  return session;
}

/** Every form behind sign-in carries the session's token (decision 002). */
export function requireCsrf(session: SignedIn, form: FormData) {
  const sent = form.get("csrf");
  if (typeof sent !== "string" || !safeEqual(sent, session.csrfToken)) refuse(session, "csrf");
}

/** Where a signed-in user starts. */
export function homeFor(request: Request, user: CurrentUser) {
  return pathFor(request, hasRole(user, ...STAFF_ROLES) ? "/staff" : "/isva");
}
