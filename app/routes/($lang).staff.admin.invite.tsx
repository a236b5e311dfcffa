import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { RoleFields } from "~/components/auth/RoleFields.tsx";
import { CsrfField } from "~/components/auth/SignedIn.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { ErrorSummary, summaryErrors } from "~/components/ui/ErrorSummary.tsx";
import { TextField } from "~/components/ui/TextField.tsx";
import { AccountError, inviteUser } from "~/features/auth/accounts.server.ts";
import { requireCsrf, requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { inviteSchema } from "~/features/auth/schemas.ts";
import { signedInData } from "~/features/auth/session-route.server.ts";
import { useT } from "~/features/i18n/i18n.ts";
import { getDb } from "~/utils/db.server.ts";
import { parseWithZod, useForm } from "~/utils/forms.ts";
import { titleFor } from "~/utils/meta.ts";
import { publicOrigin } from "~/utils/origin.server.ts";
import { readForm } from "~/utils/read-form.server.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "admin.invite");

export async function loader({ request }: LoaderFunctionArgs) {
  const session = requireRole(await requireUser(request), "ADMIN");
  const areas = await getDb().area.findMany({ orderBy: { nameEn: "asc" }, select: { id: true, nameEn: true, nameCy: true } });
  return { ...signedInData(session), areas };
}

export async function action({ request }: ActionFunctionArgs) {
  const session = requireRole(await requireUser(request), "ADMIN");
  const form = await readForm(request);
  requireCsrf(session, form);
  const submission = parseWithZod(form, { schema: inviteSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), invited: false }, { status: 400 });
  try {
    const { name, email, roles, areaId } = submission.value;
    await inviteUser(getDb(), session.user, { name, email, roles, areaId: areaId || null }, publicOrigin(request));
  } catch (error) {
    if (!(error instanceof AccountError)) throw error;
    const field = error.key === "admin.errors.areaRequired" ? "areaId" : "email";
    return data({ result: submission.reply({ fieldErrors: { [field]: [error.key] } }), invited: false }, { status: 400 });
  }
  return data({ result: submission.reply({ resetForm: true }), invited: true });
}

export default function Invite() {
  const t = useT();
  const { areas } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult: posted?.result, onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }), shouldValidate: "onSubmit" });
  const order = ["name", "email", "roles", "areaId"] as const;
  return (
    <>
      <ErrorSummary errors={summaryErrors(Object.fromEntries(order.map((name) => [name, fields[name].errors ?? null])), [...order])} />
      {posted?.invited ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="status">
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{t("admin.invited")}</p>
          </div>
        </div>
      ) : null}
      <h1 className="govuk-heading-l">{t("admin.invite")}</h1>
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
        <CsrfField />
        <TextField name="name" label={t("admin.name")} autoComplete="off" spellCheck={false} defaultValue={String(fields.name.initialValue ?? "")} error={fields.name.errors} />
        <TextField name="email" label={t("admin.email")} type="email" autoComplete="off" spellCheck={false} defaultValue={String(fields.email.initialValue ?? "")} error={fields.email.errors} />
        <RoleFields
          areas={areas}
          roles={(fields.roles.initialValue as string[] | undefined) ?? undefined}
          areaId={String(fields.areaId.initialValue ?? "")}
          errors={{ roles: fields.roles.errors, areaId: fields.areaId.errors }}
        />
        <Button>{t("admin.invite")}</Button>
      </Form>
    </>
  );
}
