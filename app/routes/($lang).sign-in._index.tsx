import { data, redirect, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { Button } from "~/components/ui/Button.tsx";
import { ErrorSummary, summaryErrors } from "~/components/ui/ErrorSummary.tsx";
import { TextField } from "~/components/ui/TextField.tsx";
import { signInSchema } from "~/features/auth/schemas.ts";
import { pathFor } from "~/features/auth/session-route.server.ts";
import { sessionCookie } from "~/features/auth/session.server.ts";
import { signInWithPassword } from "~/features/auth/sign-in.server.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { localisePath } from "~/features/i18n/languages.ts";
import { getDb } from "~/utils/db.server.ts";
import { parseWithZod, useForm } from "~/utils/forms.ts";
import { titleFor } from "~/utils/meta.ts";
import { readForm } from "~/utils/read-form.server.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "auth.signInTitle");

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: signInSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const result = await signInWithPassword(getDb(), submission.value.email, submission.value.password, context.clientAddress);
  if (!result.ok) {
    return data(submission.reply({ formErrors: [result.error], hideFields: ["password"] }), { status: result.error === "auth.errors.tooMany" ? 429 : 400 });
  }
  const next = result.user.totpEnabledAt ? "/sign-in/code" : "/account/two-factor";
  return redirect(pathFor(request, next), { headers: { "Set-Cookie": sessionCookie(result.token) } });
}

export default function SignIn() {
  const t = useT();
  const lang = useLang();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signInSchema }),
  });
  const errors = [
    ...(form.errors ?? []).map((key) => ({ name: "email", key })),
    ...summaryErrors({ email: fields.email.errors ?? null, password: fields.password.errors ?? null }, ["email", "password"]),
  ];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{t("auth.signInTitle")}</h1>
        <p className="govuk-body">{t("auth.signInIntro")}</p>
        <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
          <TextField name="email" label={t("auth.email")} type="email" autoComplete="username" spellCheck={false} defaultValue={String(fields.email.initialValue ?? "")} error={fields.email.errors} />
          <TextField name="password" label={t("auth.password")} type="password" autoComplete="current-password" error={fields.password.errors} />
          <Button>{t("auth.signIn")}</Button>
        </Form>
        <p className="govuk-body">
          <a className="govuk-link" href={localisePath("/forgot-password", lang)}>{t("auth.forgotPassword")}</a>
        </p>
        <p className="govuk-body">
          <a className="govuk-link" href={localisePath("/register", lang)}>{t("auth.register")}</a>
        </p>
      </div>
    </div>
  );
}
