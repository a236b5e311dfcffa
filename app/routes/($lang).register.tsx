import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { Button } from "~/components/ui/Button.tsx";
import { ErrorSummary, summaryErrors } from "~/components/ui/ErrorSummary.tsx";
import { TextField } from "~/components/ui/TextField.tsx";
import { passwordProblem, registerIsva } from "~/features/auth/accounts.server.ts";
import { registerSchema } from "~/features/auth/schemas.ts";
import { useT } from "~/features/i18n/i18n.ts";
import { langFromPath } from "~/features/i18n/languages.ts";
import { consumeAttempt } from "~/features/security/rate-limit.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { parseWithZod, useForm } from "~/utils/forms.ts";
import { titleFor } from "~/utils/meta.ts";
import { publicOrigin } from "~/utils/origin.server.ts";
import { readForm } from "~/utils/read-form.server.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "auth.registerTitle");

const FIELDS = ["name", "email", "organisation", "password", "confirm"] as const;

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: registerSchema });
  const hide = { hideFields: ["password", "confirm"] };
  if (submission.status !== "success") return data({ result: submission.reply(hide), sent: false }, { status: 400 });
  const { name, email, organisation, password } = submission.value;
  const problem = passwordProblem(password, { email, name });
  if (problem) return data({ result: submission.reply({ ...hide, fieldErrors: { password: [problem] } }), sent: false }, { status: 400 });
  if (!(await consumeAttempt("mailPerAddress", context.clientAddress)) || !(await consumeAttempt("mailPerAccount", email))) {
    return data({ result: submission.reply({ ...hide, formErrors: ["auth.errors.tooMany"] }), sent: false }, { status: 429 });
  }
  await registerIsva(getDb(), { name, email, organisation, password, language: langFromPath(new URL(request.url).pathname) }, publicOrigin(request));
  return data({ result: null, sent: true });
}

export default function Register() {
  const t = useT();
  const posted = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: posted?.result ?? undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: registerSchema }),
    shouldValidate: "onSubmit",
  });
  if (posted?.sent) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{t("auth.checkEmailTitle")}</h1>
          <p className="govuk-body">{t("auth.checkEmail")}</p>
        </div>
      </div>
    );
  }
  const errors = [
    ...(form.errors ?? []).map((key) => ({ name: "email", key })),
    ...summaryErrors(Object.fromEntries(FIELDS.map((name) => [name, fields[name].errors ?? null])), [...FIELDS]),
  ];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{t("auth.registerTitle")}</h1>
        <p className="govuk-body">{t("auth.registerIntro")}</p>
        <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
          <TextField name="name" label={t("auth.name")} autoComplete="name" spellCheck={false} defaultValue={String(fields.name.initialValue ?? "")} error={fields.name.errors} />
          <TextField name="email" label={t("auth.email")} type="email" autoComplete="email" spellCheck={false} defaultValue={String(fields.email.initialValue ?? "")} error={fields.email.errors} />
          <TextField name="organisation" label={t("auth.organisation")} autoComplete="organization" defaultValue={String(fields.organisation.initialValue ?? "")} error={fields.organisation.errors} />
          <TextField name="password" label={t("auth.password")} hint={t("auth.passwordHint")} type="password" autoComplete="new-password" error={fields.password.errors} />
          <TextField name="confirm" label={t("auth.confirmPassword")} type="password" autoComplete="new-password" error={fields.confirm.errors} />
          <Button>{t("auth.registerButton")}</Button>
        </Form>
      </div>
    </div>
  );
}
