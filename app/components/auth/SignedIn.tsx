// Pieces shared by the pages behind sign-in: the session's form token, and
// who is signed in (for the workspace's header).
import { useMatches } from "@remix-run/react";
import type { Role } from "~/generated/prisma/enums.ts";

type Me = { name: string; roles: Role[]; area: { nameEn: string; nameCy: string } | null };
export type SignedInData = { csrf: string; me: Me };
type SessionData = { csrf: string; me: Me | null };

/** The session's data from the deepest route that loaded it: signedInData on the server. */
function useSessionData(): SessionData | undefined {
  for (const match of [...useMatches()].reverse()) {
    const data = match.data as Partial<SessionData> | undefined;
    if (data?.csrf && data.me !== undefined) return data as SessionData;
  }
  return undefined;
}

/** The signed-in person, when the page was loaded by someone fully signed in. */
export function useSignedIn(): SignedInData | undefined {
  const data = useSessionData();
  return data?.me ? { csrf: data.csrf, me: data.me } : undefined;
}

/** The session's token for cross-site request protection (decision 002). */
export function CsrfField() {
  const data = useSessionData();
  return <input type="hidden" name="csrf" value={data?.csrf ?? ""} />;
}
