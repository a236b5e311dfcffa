import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { signedInData } from "~/features/auth/session-route.server.ts";
import { IsvaWork } from "~/components/queries/IsvaWork.tsx";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { langFromPath, localisePath } from "~/features/i18n/languages.ts";
import { isvaWork } from "~/features/queries/isva-work.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { titleFor } from "~/utils/meta.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "home.isvaTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const session = requireRole(await requireUser(request), "ISVA");
  const work = await isvaWork(getDb(), session.user, langFromPath(new URL(request.url).pathname));
  return { ...signedInData(session), organisation: session.user.organisation ?? "", work };
}

export default function IsvaHome() {
  const t = useT();
  const lang = useLang();
  const { organisation, work } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t("home.isvaTitle")}</h1>
      <p className="govuk-body">{t("home.isvaIntro", { organisation })}</p>
      <ul className="govuk-list">
        <li>
          <a className="govuk-link" href={localisePath("/isva/queries", lang)}>{t("home.yourQueries")}</a>
        </li>
        <li>
          <a className="govuk-link" href={localisePath("/isva/meetings", lang)}>{t("home.yourMeetings")}</a>
        </li>
        <li>
          <a className="govuk-link" href={localisePath("/special-measures", lang)}>{t("home.specialMeasures")}</a>
        </li>
        <li>
          <a className="govuk-link" href={localisePath("/account", lang)}>{t("home.account")}</a>
        </li>
      </ul>
      <IsvaWork rows={work} />
    </>
  );
}
