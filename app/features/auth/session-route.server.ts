// What every page behind sign-in loads: the user to show and the form token.
import { langFromPath, localisePath } from "~/features/i18n/languages.ts";
import type { SignedIn } from "./guards.server.ts";

export function signedInData(session: SignedIn) {
  // Part-way through signing in (second factor not given, or the account not yet approved), a page
  // gets the form token only: the workspace's header is for someone fully signed in.
  const signedIn = !session.mfaPending && session.user.status === "ACTIVE";
  return {
    csrf: session.csrfToken,
    me: signedIn ? { name: session.user.name, roles: session.user.roles, areaId: session.user.areaId, area: session.area } : null,
  };
}

/** A path in the language of the request's own address. */
export function pathFor(request: Request, path: string) {
  return localisePath(path, langFromPath(new URL(request.url).pathname));
}
