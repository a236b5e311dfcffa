import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CsrfField } from "~/components/auth/SignedIn.tsx";
import { requireUser } from "~/features/auth/guards.server.ts";
import { signedInData } from "~/features/auth/session-route.server.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { localisePath } from "~/features/i18n/languages.ts";
import { titleFor } from "~/utils/meta.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "account.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireUser(request);
  const { area } = session;
  return { ...signedInData(session), name: session.user.name, roles: session.user.roles, email: session.user.email, area: area ? { en: area.nameEn, cy: area.nameCy } : null };
}

export default function Account() {
  const t = useT();
  const lang = useLang();
  const { name, roles, email, area } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t("account.title")}</h1>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("auth.name")}</dt>
          <dd className="govuk-summary-list__value"><bdi>{name}</bdi></dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("auth.email")}</dt>
          <dd className="govuk-summary-list__value">{email}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("account.roles")}</dt>
          <dd className="govuk-summary-list__value">{roles.map((role) => t(`roles.${role}`)).join(", ")}</dd>
        </div>
        {area ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("account.area")}</dt>
            <dd className="govuk-summary-list__value">{area[lang]}</dd>
          </div>
        ) : null}
      </dl>
      <form method="post" action={localisePath("/sign-out", lang)}>
        <CsrfField />
        <input type="hidden" name="everywhere" value="yes" />
        <p className="govuk-body">{t("account.signOutEverywhereHint")}</p>
        <button type="submit" className="govuk-button govuk-button--warning">
          {t("account.signOutEverywhere")}
        </button>
      </form>
    </>
  );
}
