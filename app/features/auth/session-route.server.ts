// What every page behind sign-in loads: the user to show and the form token.
import { langFromPath, localisePath } from "~/features/i18n/languages.ts";
import type { SignedIn } from "./guards.server.ts";

export function signedInData(session: SignedIn) {
  return { csrf: session.csrfToken, me: { name: session.user.name, roles: session.user.roles, areaId: session.user.areaId } };
}

/** A path in the language of the request's own address. */
export function pathFor(request: Request, path: string) {
  return localisePath(path, langFromPath(new URL(request.url).pathname));
}
