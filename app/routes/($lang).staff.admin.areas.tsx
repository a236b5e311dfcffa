// The Areas' RASSO unit mailboxes, which queries are routed to. Seeded with
// placeholder addresses; an administrator sets the real ones.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField, SignedInBar } from "~/components/auth/SignedIn.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { ErrorSummary } from "~/components/ui/ErrorSummary.tsx";
import { TextField } from "~/components/ui/TextField.tsx";
import { setAreaMailbox } from "~/features/admin/admin.server.ts";
import { requireCsrf, requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { mailboxSchema } from "~/features/auth/schemas.ts";
import { pathFor, signedInData } from "~/features/auth/session-route.server.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { getDb } from "~/utils/db.server.ts";
import { parseWithZod } from "~/utils/forms.ts";
import { titleMeta } from "~/utils/meta.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleMeta(matches, undefined);

export async function loader({ request }: LoaderFunctionArgs) {
  const session = requireRole(await requireUser(request), "ADMIN");
  const areas = await getDb().area.findMany({ orderBy: { nameEn: "asc" }, select: { id: true, nameEn: true, nameCy: true, rassoMailbox: true } });
  return { ...signedInData(session), areas };
}

export async function action({ request }: ActionFunctionArgs) {
  const session = requireRole(await requireUser(request), "ADMIN");
  const form = await request.formData();
  requireCsrf(session, form);
  const submission = parseWithZod(form, { schema: mailboxSchema });
  if (submission.status !== "success") {
    return data({ areaId: String(form.get("areaId") ?? ""), error: "admin.errors.mailboxInvalid", value: String(form.get("rassoMailbox") ?? "") }, { status: 400 });
  }
  const updated = await setAreaMailbox(getDb(), session.user, submission.value.areaId, submission.value.rassoMailbox);
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
      <SignedInBar />
      {posted ? <ErrorSummary errors={[{ name: `rassoMailbox-${posted.areaId}`, key: posted.error }]} /> : null}
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
            error={posted?.areaId === area.id ? posted.error : undefined}
          />
          <Button variant="secondary">{t("admin.save")}</Button>
        </form>
      ))}
    </>
  );
}
