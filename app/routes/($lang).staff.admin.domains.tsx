import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField } from "~/components/auth/SignedIn.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { ErrorSummary } from "~/components/ui/ErrorSummary.tsx";
import { TextField } from "~/components/ui/TextField.tsx";
import { addRecognisedDomain, removeRecognisedDomain } from "~/features/admin/admin.server.ts";
import { requireCsrf, requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { domainSchema } from "~/features/auth/schemas.ts";
import { pathFor, signedInData } from "~/features/auth/session-route.server.ts";
import { useT } from "~/features/i18n/i18n.ts";
import { getDb } from "~/utils/db.server.ts";
import { parseWithZod } from "~/utils/forms.ts";
import { titleFor } from "~/utils/meta.ts";
import { readForm } from "~/utils/read-form.server.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "admin.domains");

export async function loader({ request }: LoaderFunctionArgs) {
  const session = requireRole(await requireUser(request), "ADMIN");
  return { ...signedInData(session), domains: await getDb().recognisedDomain.findMany({ orderBy: { domain: "asc" } }) };
}

export async function action({ request }: ActionFunctionArgs) {
  const session = requireRole(await requireUser(request), "ADMIN");
  const form = await readForm(request);
  requireCsrf(session, form);
  if (form.get("intent") === "remove") {
    await removeRecognisedDomain(getDb(), session.user, String(form.get("domain") ?? "").slice(0, 253));
    return redirect(pathFor(request, "/staff/admin/domains"));
  }
  const submission = parseWithZod(form, { schema: domainSchema });
  if (submission.status !== "success") {
    return data({ errors: submission.error ?? {}, values: { domain: String(form.get("domain") ?? ""), organisation: String(form.get("organisation") ?? "") } }, { status: 400 });
  }
  await addRecognisedDomain(getDb(), session.user, submission.value.domain, submission.value.organisation);
  return redirect(pathFor(request, "/staff/admin/domains"));
}

export default function Domains() {
  const t = useT();
  const { domains } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const errors = posted?.errors ?? {};
  return (
    <>
      <ErrorSummary
        errors={(["domain", "organisation"] as const).flatMap((name) => (errors[name]?.[0] ? [{ name, key: errors[name]![0]! }] : []))}
      />
      <h1 className="govuk-heading-l">{t("admin.domains")}</h1>
      <ul className="govuk-list">
        {domains.map((domain) => (
          <li key={domain.domain}>
            <form method="post" className="app-inline-form">
              <CsrfField />
              <input type="hidden" name="intent" value="remove" />
              <input type="hidden" name="domain" value={domain.domain} />
              {domain.domain} ({domain.organisation}){" "}
              <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" aria-label={`${t("admin.remove")}: ${domain.domain}`}>
                {t("admin.remove")}
              </button>
            </form>
          </li>
        ))}
      </ul>
      <form method="post" noValidate>
        <CsrfField />
        <TextField name="domain" label={t("admin.domain")} hint={t("admin.domainHint")} spellCheck={false} defaultValue={posted?.values.domain} error={errors.domain ?? undefined} />
        <TextField name="organisation" label={t("admin.organisation")} defaultValue={posted?.values.organisation} error={errors.organisation ?? undefined} />
        <Button>{t("admin.addDomain")}</Button>
      </form>
    </>
  );
}
