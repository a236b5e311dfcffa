import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CsrfField } from "~/components/auth/SignedIn.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { RadioGroup } from "~/components/ui/Choices.tsx";
import { SuccessBanner } from "~/components/ui/SuccessBanner.tsx";
import { setMailLanguage } from "~/features/auth/accounts.server.ts";
import { requireCsrf, requireUser } from "~/features/auth/guards.server.ts";
import { pathFor, signedInData } from "~/features/auth/session-route.server.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { localisePath } from "~/features/i18n/languages.ts";
import { getDb } from "~/utils/db.server.ts";
import { titleFor } from "~/utils/meta.ts";
import { readForm } from "~/utils/read-form.server.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "account.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireUser(request);
  const { area } = session;
  const saved = new URL(request.url).searchParams.get("saved") === "language";
  return {
    ...signedInData(session), name: session.user.name, roles: session.user.roles, email: session.user.email, language: session.user.language,
    area: area ? { id: session.user.areaId, en: area.nameEn, cy: area.nameCy } : null, saved,
  };
}

/** The language of the portal's e-mails to this person. */
export async function action({ request }: ActionFunctionArgs) {
  const session = await requireUser(request);
  const form = await readForm(request);
  requireCsrf(session, form);
  const language = form.get("intent") === "language" ? form.get("language") : null;
  if (language !== "en" && language !== "cy") throw new Response("Bad request", { status: 400 });
  await setMailLanguage(getDb(), session.user, language);
  return redirect(pathFor(request, "/account?saved=language"));
}

export default function Account() {
  const t = useT();
  const lang = useLang();
  const { name, roles, email, area, language, saved } = useLoaderData<typeof loader>();
  return (
    <>
      {saved ? <SuccessBanner heading={t("account.languageSaved")} /> : null}
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
      <form method="post">
        <CsrfField />
        <input type="hidden" name="intent" value="language" />
        <RadioGroup
          name="language"
          label={t("account.language")}
          hint={t(area?.id === "cymru-wales" ? "account.languageHintWales" : "account.languageHint")}
          defaultValue={language}
          choices={[
            { value: "en", label: t("account.languageEn") },
            { value: "cy", label: t("account.languageCy") },
          ]}
        />
        <Button variant="secondary">{t("account.languageSave")}</Button>
      </form>
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
