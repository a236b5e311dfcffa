import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { CsrfField } from "~/components/auth/SignedIn.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { ErrorSummary, summaryErrors } from "~/components/ui/ErrorSummary.tsx";
import { TextField } from "~/components/ui/TextField.tsx";
import { codeSchema } from "~/features/auth/schemas.ts";
import { secondFactorPage, secondFactorStep } from "~/features/auth/second-factor-step.server.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { localisePath } from "~/features/i18n/languages.ts";
import { parseWithZod, useForm } from "~/utils/forms.ts";
import { titleFor } from "~/utils/meta.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "auth.codeTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  return secondFactorPage(request, { needsAuthenticator: true });
}

export async function action({ request }: ActionFunctionArgs) {
  return secondFactorStep(request, "code");
}

export default function SecondFactor() {
  const t = useT();
  const lang = useLang();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult, onValidate: ({ formData }) => parseWithZod(formData, { schema: codeSchema }) });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summaryErrors({ code: fields.code.errors ?? null }, ["code"])} />
        <h1 className="govuk-heading-l">{t("auth.codeTitle")}</h1>
        <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
          <CsrfField />
          <TextField name="code" label={t("auth.codeLabel")} hint={t("auth.codeHint")} autoComplete="one-time-code" inputMode="numeric" spellCheck={false} width="5" error={fields.code.errors} />
          <Button>{t("auth.continue")}</Button>
        </Form>
        <p className="govuk-body">
          <a className="govuk-link" href={localisePath("/sign-in/recovery", lang)}>{t("auth.useRecovery")}</a>
        </p>
      </div>
    </div>
  );
}
