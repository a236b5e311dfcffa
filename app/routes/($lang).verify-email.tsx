// The link in the e-mail opens a page with a button: link checkers that open
// e-mailed links cannot use the single-use token by themselves.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/ui/Button.tsx";
import { peekToken, verifyEmail } from "~/features/auth/accounts.server.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { localisePath } from "~/features/i18n/languages.ts";
import { getDb } from "~/utils/db.server.ts";
import { titleFor } from "~/utils/meta.ts";
import { readForm } from "~/utils/read-form.server.ts";

export const meta: MetaFunction = ({ matches }) => titleFor(matches, "titles.verifyEmail");

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const user = token.length <= 100 ? await peekToken(getDb(), token, "VERIFY_EMAIL") : null;
  return { token: user ? token : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const token = String((await readForm(request)).get("token") ?? "").slice(0, 100);
  const user = await verifyEmail(getDb(), token);
  if (!user) return data({ outcome: "invalid" as const }, { status: 400 });
  return { outcome: user.status === "ACTIVE" ? ("active" as const) : ("pending" as const) };
}

export default function VerifyEmail() {
  const t = useT();
  const lang = useLang();
  const { token } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  if (posted?.outcome === "active" || posted?.outcome === "pending") {
    return (
      <div className="govuk-panel govuk-panel--confirmation">
        <h1 className="govuk-panel__title">{t("auth.verified")}</h1>
        <div className="govuk-panel__body">
          {posted.outcome === "active" ? (
            <a className="govuk-link app-panel-link" href={localisePath("/sign-in", lang)}>{t("auth.verifiedActive")}</a>
          ) : (
            t("auth.verifiedPending")
          )}
        </div>
      </div>
    );
  }
  if (!token || posted?.outcome === "invalid") {
    return (
      <>
        <h1 className="govuk-heading-l">{t("auth.linkInvalidTitle")}</h1>
        <p className="govuk-body">{t("auth.linkInvalid")}</p>
      </>
    );
  }
  return (
    <>
      <h1 className="govuk-heading-l">{t("auth.verifyTitle")}</h1>
      <form method="post">
        <input type="hidden" name="token" value={token} />
        <Button>{t("auth.verifyButton")}</Button>
      </form>
    </>
  );
}
