// The Areas' RASSO unit mailboxes, which queries are routed to. Seeded with
// placeholder addresses; an administrator sets the real ones.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField } from "~/components/auth/SignedIn.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { CheckboxGroup } from "~/components/ui/Choices.tsx";
import { ErrorSummary } from "~/components/ui/ErrorSummary.tsx";
import { TextField } from "~/components/ui/TextField.tsx";
import { setAreaSettings } from "~/features/admin/admin.server.ts";
import { requireCsrf, requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { mailboxSchema } from "~/features/auth/schemas.ts";
import { pathFor, signedInData } from "~/features/auth/session-route.server.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { getDb } from "~/utils/db.server.ts";
import { parseWithZod } from "~/utils/forms.ts";
import { titleFor } from "~/utils/meta.ts";
import { readForm } from "~/utils/read-form.server.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "admin.areas");

export async function loader({ request }: LoaderFunctionArgs) {
  const session = requireRole(await requireUser(request), "ADMIN");
  const areas = await getDb().area.findMany({ orderBy: { nameEn: "asc" }, select: { id: true, nameEn: true, nameCy: true, rassoMailbox: true, responseDays: true, fullContentEmail: true } });
  return { ...signedInData(session), areas };
}

export async function action({ request }: ActionFunctionArgs) {
  const session = requireRole(await requireUser(request), "ADMIN");
  const form = await readForm(request);
  requireCsrf(session, form);
  const submission = parseWithZod(form, { schema: mailboxSchema });
  if (submission.status !== "success") {
    const error = submission.error?.responseDays?.[0] ?? "admin.errors.mailboxInvalid";
    return data({ areaId: String(form.get("areaId") ?? ""), error, value: String(form.get("rassoMailbox") ?? "") }, { status: 400 });
  }
  const { areaId, ...settings } = submission.value;
  const updated = await setAreaSettings(getDb(), session.user, areaId, settings);
  if (!updated) throw new Response("Not found", { status: 404 });
  return redirect(pathFor(request, "/staff/admin/areas"));
}

export default function Areas() {
  const t = useT();
  const lang = useLang();
  const { areas } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  return (
    <>
      {posted ? (
        <ErrorSummary errors={[{ name: `${posted.error === "admin.errors.responseDays" ? "responseDays" : "rassoMailbox"}-${posted.areaId}`, key: posted.error }]} />
      ) : null}
      <h1 className="govuk-heading-l">{t("admin.areas")}</h1>
      {areas.map((area) => (
        <form key={area.id} method="post" noValidate>
          <CsrfField />
          <input type="hidden" name="areaId" value={area.id} />
          <h2 className="govuk-heading-s">{lang === "cy" ? area.nameCy : area.nameEn}</h2>
          <TextField
            name="rassoMailbox"
            id={`field-rassoMailbox-${area.id}`}
            label={t("admin.mailbox")}
            hint={t("admin.mailboxHint")}
            type="email"
            spellCheck={false}
            defaultValue={posted?.areaId === area.id ? posted.value : area.rassoMailbox}
            error={posted?.areaId === area.id && posted.error === "admin.errors.mailboxInvalid" ? posted.error : undefined}
          />
          <TextField
            name="responseDays"
            id={`field-responseDays-${area.id}`}
            label={t("admin.responseDays")}
            inputMode="numeric"
            width="2"
            defaultValue={String(area.responseDays)}
            error={posted?.areaId === area.id && posted.error === "admin.errors.responseDays" ? posted.error : undefined}
          />
          <CheckboxGroup
            name="fullContentEmail"
            id={`field-fullContentEmail-${area.id}`}
            label={t("admin.fullContentEmail")}
            hint={t("admin.fullContentEmailHint")}
            defaultValue={area.fullContentEmail ? ["yes"] : []}
            choices={[{ value: "yes", label: t("admin.fullContentEmailLabel") }]}
          />
          <Button variant="secondary">{t("admin.save")}</Button>
        </form>
      ))}
    </>
  );
}
