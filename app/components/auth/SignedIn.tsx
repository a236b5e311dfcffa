// Pieces shared by the pages behind sign-in.
import { useMatches } from "@remix-run/react";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { localisePath } from "~/features/i18n/languages.ts";

type SignedInData = { csrf: string; me: { name: string } };

function useSignedIn(): SignedInData | undefined {
  for (const match of [...useMatches()].reverse()) {
    const data = match.data as Partial<SignedInData> | undefined;
    if (data?.csrf && data.me) return data as SignedInData;
  }
  return undefined;
}

/** The session's token for cross-site request protection (decision 002). */
export function CsrfField() {
  const data = useSignedIn();
  return <input type="hidden" name="csrf" value={data?.csrf ?? ""} />;
}

export function SignedInBar() {
  const t = useT();
  const lang = useLang();
  const data = useSignedIn();
  if (!data) return null;
  return (
    <div className="app-signed-in-bar">
      <p className="govuk-body-s govuk-!-margin-bottom-0">
        {t("account.signedInAs", { name: data.me.name })} ·{" "}
        <a className="govuk-link" href={localisePath("/account", lang)}>
          {t("account.menu")}
        </a>
      </p>
      <form method="post" action={localisePath("/sign-out", lang)}>
        <CsrfField />
        <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
          {t("auth.signOut")}
        </button>
      </form>
    </div>
  );
}
