// An account that cannot yet do anything: its address is unconfirmed, or an
// administrator has still to approve it.
import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { homeFor, requirePartialSession } from "~/features/auth/guards.server.ts";
import { pathFor } from "~/features/auth/session-route.server.ts";
import { useT } from "~/features/i18n/i18n.ts";
import { titleFor } from "~/utils/meta.ts";

export const meta: MetaFunction = ({ matches }) => titleFor(matches, "auth.pendingTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requirePartialSession(request);
  if (session.user.status === "ACTIVE") throw redirect(session.mfaPending ? pathFor(request, "/sign-in/code") : homeFor(request, session.user));
  return { status: session.user.status };
}

export default function Pending() {
  const t = useT();
  const { status } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t("auth.pendingTitle")}</h1>
      <p className="govuk-body">{t(status === "PENDING_VERIFICATION" ? "auth.pendingVerify" : "auth.pendingApproval")}</p>
    </>
  );
}
