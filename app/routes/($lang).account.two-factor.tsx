// Setting up the authenticator app: by QR code or by typing the key, then a
// first code, then ten recovery codes shown once.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField } from "~/components/auth/SignedIn.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { ErrorSummary, summaryErrors } from "~/components/ui/ErrorSummary.tsx";
import { TextField } from "~/components/ui/TextField.tsx";
import { confirmTotpSetup, startTotpSetup, totpSecretOf } from "~/features/auth/accounts.server.ts";
import { homeFor, requireCsrf, requirePartialSession } from "~/features/auth/guards.server.ts";
import { codeSchema } from "~/features/auth/schemas.ts";
import { sessionCookie, rotateSession } from "~/features/auth/session.server.ts";
import { totpQrSvg, totpUri } from "~/features/auth/totp.server.ts";
import { useT } from "~/features/i18n/i18n.ts";
import { getDb } from "~/utils/db.server.ts";
import { parseWithZod, useForm } from "~/utils/forms.ts";
import { titleFor } from "~/utils/meta.ts";
import { pathFor, signedInData } from "~/features/auth/session-route.server.ts";
import { readForm } from "~/utils/read-form.server.ts";

export const handle = { hydrate: true };
// After the first code, the page shows the recovery codes: it must not reload
// its data (which would now send a set-up account home).
export const shouldRevalidate = () => false;
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "auth.setupTitle");

async function setupFor(request: Request) {
  const session = await requirePartialSession(request);
  if (session.user.totpEnabledAt) {
    throw redirect(session.mfaPending ? pathFor(request, "/sign-in/code") : homeFor(request, session.user));
  }
  if (session.user.status !== "ACTIVE") throw redirect(pathFor(request, "/account/pending"));
  return session;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await setupFor(request);
  // Keep the key already shown, so a reload does not undo a scan.
  const existing = totpSecretOf(session.user);
  const setup = existing
    ? { secret: existing, qrSvg: await totpQrSvg(totpUri({ secret: existing, account: session.user.email })) }
    : await startTotpSetup(getDb(), session.user);
  return data({ ...signedInData(session), key: setup.secret.replace(/(.{4})/g, "$1 ").trim(), qrSvg: setup.qrSvg });
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await setupFor(request);
  const form = await readForm(request);
  requireCsrf(session, form);
  const submission = parseWithZod(form, { schema: codeSchema });
  if (submission.status !== "success") return data({ result: submission.reply({ resetForm: true }), codes: null }, { status: 400 });
  const codes = await confirmTotpSetup(getDb(), session.user, submission.value.code);
  if (!codes) return data({ result: submission.reply({ fieldErrors: { code: ["auth.errors.code"] }, resetForm: true }), codes: null }, { status: 400 });
  const token = await rotateSession(getDb(), session, { mfaPending: false });
  return data({ result: null, codes, home: homeFor(request, session.user) }, { headers: { "Set-Cookie": sessionCookie(token) } });
}

export default function TwoFactorSetup() {
  const t = useT();
  const { key, qrSvg } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: posted?.result ?? undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: codeSchema }),
  });

  if (posted?.codes) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{t("auth.recoveryCodesTitle")}</h1>
          <p className="govuk-body">{t("auth.recoveryCodesIntro")}</p>
          <ul className="govuk-list app-recovery-codes" data-testid="recovery-codes">
            {posted.codes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ul>
          <a className="govuk-button" href={"home" in posted ? posted.home : "/"}>
            {t("auth.recoveryCodesDone")}
          </a>
        </div>
      </div>
    );
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summaryErrors({ code: fields.code.errors ?? null }, ["code"])} />
        <h1 className="govuk-heading-l">{t("auth.setupTitle")}</h1>
        <p className="govuk-body">{t("auth.setupIntro")}</p>
        <div className="app-qr" role="img" aria-label={t("auth.setupTitle")} dangerouslySetInnerHTML={{ __html: qrSvg }} />
        <h2 className="govuk-heading-s">{t("auth.setupKey")}</h2>
        <p className="govuk-body app-recovery-codes" data-testid="totp-key">
          {key}
        </p>
        <p className="govuk-body">{t("auth.setupConfirm")}</p>
        <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
          <CsrfField />
          <TextField name="code" label={t("auth.codeLabel")} hint={t("auth.codeHint")} autoComplete="one-time-code" inputMode="numeric" spellCheck={false} width="5" error={fields.code.errors} />
          <Button>{t("auth.continue")}</Button>
        </Form>
      </div>
    </div>
  );
}
