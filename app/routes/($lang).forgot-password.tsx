import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { Button } from "~/components/ui/Button.tsx";
import { ErrorSummary, summaryErrors } from "~/components/ui/ErrorSummary.tsx";
import { TextField } from "~/components/ui/TextField.tsx";
import { requestPasswordReset } from "~/features/auth/accounts.server.ts";
import { forgotSchema } from "~/features/auth/schemas.ts";
import { useT } from "~/features/i18n/i18n.ts";
import { consumeAttempt } from "~/features/security/rate-limit.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { parseWithZod, useForm } from "~/utils/forms.ts";
import { titleFor } from "~/utils/meta.ts";
import { publicOrigin } from "~/utils/origin.server.ts";
import { readForm } from "~/utils/read-form.server.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "auth.forgotTitle");

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: forgotSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), sent: false }, { status: 400 });
  const { email } = submission.value;
  // Over the limit, nothing is sent, but the answer is the same: it must not
  // reveal whether the address has an account.
  if ((await consumeAttempt("mailPerAddress", context.clientAddress)) && (await consumeAttempt("mailPerAccount", email))) {
    await requestPasswordReset(getDb(), email, publicOrigin(request));
  }
  return data({ result: null, sent: true });
}

export default function ForgotPassword() {
  const t = useT();
  const posted = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult: posted?.result ?? undefined, onValidate: ({ formData }) => parseWithZod(formData, { schema: forgotSchema }) });
  if (posted?.sent) {
    return (
      <>
        <h1 className="govuk-heading-l">{t("auth.checkEmailTitle")}</h1>
        <p className="govuk-body">{t("auth.checkEmail")}</p>
      </>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summaryErrors({ email: fields.email.errors ?? null }, ["email"])} />
        <h1 className="govuk-heading-l">{t("auth.forgotTitle")}</h1>
        <p className="govuk-body">{t("auth.forgotIntro")}</p>
        <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
          <TextField name="email" label={t("auth.email")} type="email" autoComplete="email" spellCheck={false} defaultValue={String(fields.email.initialValue ?? "")} error={fields.email.errors} />
          <Button>{t("auth.forgotButton")}</Button>
        </Form>
      </div>
    </div>
  );
}
