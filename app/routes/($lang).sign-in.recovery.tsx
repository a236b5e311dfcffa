import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { CsrfField } from "~/components/auth/SignedIn.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { ErrorSummary, summaryErrors } from "~/components/ui/ErrorSummary.tsx";
import { TextField } from "~/components/ui/TextField.tsx";
import { recoverySchema } from "~/features/auth/schemas.ts";
import { secondFactorPage, secondFactorStep } from "~/features/auth/second-factor-step.server.ts";
import { useT } from "~/features/i18n/i18n.ts";
import { parseWithZod, useForm } from "~/utils/forms.ts";
import { titleFor } from "~/utils/meta.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "auth.recoveryTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  return secondFactorPage(request, { needsAuthenticator: false });
}

export async function action({ request }: ActionFunctionArgs) {
  return secondFactorStep(request, "recovery");
}

export default function Recovery() {
  const t = useT();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult, onValidate: ({ formData }) => parseWithZod(formData, { schema: recoverySchema }) });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summaryErrors({ code: fields.code.errors ?? null }, ["code"])} />
        <h1 className="govuk-heading-l">{t("auth.recoveryTitle")}</h1>
        <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
          <CsrfField />
          <TextField name="code" label={t("auth.recoveryLabel")} hint={t("auth.recoveryHint")} autoComplete="off" spellCheck={false} width="10" error={fields.code.errors} />
          <Button>{t("auth.continue")}</Button>
        </Form>
      </div>
    </div>
  );
}
