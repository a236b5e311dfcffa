// Choosing a password from an invitation or a reset link.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/ui/Button.tsx";
import { ErrorSummary, summaryErrors } from "~/components/ui/ErrorSummary.tsx";
import { TextField } from "~/components/ui/TextField.tsx";
import { passwordProblem, peekToken, setPasswordWithToken } from "~/features/auth/accounts.server.ts";
import { setPasswordSchema } from "~/features/auth/schemas.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { localisePath } from "~/features/i18n/languages.ts";
import { getDb } from "~/utils/db.server.ts";
import { parseWithZod, useForm } from "~/utils/forms.ts";
import { titleFor } from "~/utils/meta.ts";
import { readForm } from "~/utils/read-form.server.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "auth.setPasswordTitle");

async function userForToken(token: string) {
  if (token.length > 100) return null;
  return (await peekToken(getDb(), token, "SET_PASSWORD")) ?? (await peekToken(getDb(), token, "RESET_PASSWORD"));
}

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return { token: (await userForToken(token)) ? token : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: setPasswordSchema });
  const hide = { hideFields: ["password", "confirm"] };
  if (submission.status !== "success") return data({ result: submission.reply(hide), done: false }, { status: 400 });
  const user = await userForToken(submission.value.token);
  if (!user) return data({ result: null, done: false, invalid: true }, { status: 400 });
  const problem = passwordProblem(submission.value.password, user);
  if (problem) return data({ result: submission.reply({ ...hide, fieldErrors: { password: [problem] } }), done: false }, { status: 400 });
  const saved = await setPasswordWithToken(getDb(), submission.value.token, submission.value.password);
  if (!saved) return data({ result: null, done: false, invalid: true }, { status: 400 });
  return data({ result: null, done: true });
}

export default function SetPassword() {
  const t = useT();
  const lang = useLang();
  const { token } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult: posted?.result ?? undefined, onValidate: ({ formData }) => parseWithZod(formData, { schema: setPasswordSchema }), shouldValidate: "onSubmit" });
  if (posted?.done) {
    return (
      <>
        <h1 className="govuk-heading-l">{t("auth.setPasswordTitle")}</h1>
        <p className="govuk-body">
          <a className="govuk-link" href={localisePath("/sign-in", lang)}>{t("auth.passwordSet")}</a>
        </p>
      </>
    );
  }
  if (!token || (posted && "invalid" in posted)) {
    return (
      <>
        <h1 className="govuk-heading-l">{t("auth.linkInvalidTitle")}</h1>
        <p className="govuk-body">{t("auth.linkInvalid")}</p>
      </>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summaryErrors({ password: fields.password.errors ?? null, confirm: fields.confirm.errors ?? null }, ["password", "confirm"])} />
        <h1 className="govuk-heading-l">{t("auth.setPasswordTitle")}</h1>
        <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
          <input type="hidden" name="token" value={token} />
          <TextField name="password" label={t("auth.password")} hint={t("auth.passwordHint")} type="password" autoComplete="new-password" error={fields.password.errors} />
          <TextField name="confirm" label={t("auth.confirmPassword")} type="password" autoComplete="new-password" error={fields.confirm.errors} />
          <Button>{t("auth.setPasswordButton")}</Button>
        </Form>
      </div>
    </div>
  );
}
