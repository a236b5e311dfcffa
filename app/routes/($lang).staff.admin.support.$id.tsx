// An administrator corrects a support service, removes it, or (at /new) adds
// one. The public support page reads the table on each request, so a change
// shows there at once.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField } from "~/components/auth/SignedIn.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { CheckboxGroup } from "~/components/ui/Choices.tsx";
import { ErrorSummary, summaryErrors } from "~/components/ui/ErrorSummary.tsx";
import { TextField } from "~/components/ui/TextField.tsx";
import { requireCsrf, requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { pathFor, signedInData } from "~/features/auth/session-route.server.ts";
import { useT } from "~/features/i18n/i18n.ts";
import { SUPPORT_GROUPS } from "~/features/support/groups.ts";
import { addService, removeService, serviceSchema, updateService } from "~/features/support/services.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { parseWithZod } from "~/utils/forms.ts";
import { titleFor } from "~/utils/meta.ts";
import { readForm } from "~/utils/read-form.server.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "titles.supportService");

const TEXT_FIELDS = ["nameEn", "nameCy", "forEn", "forCy", "contactEn", "contactCy", "url"] as const;
const ORDER = [...TEXT_FIELDS, "groups"];

async function findService(id: string | undefined) {
  if (id === "new") return null;
  const service = id ? await getDb().supportService.findUnique({ where: { id: id.slice(0, 80) } }) : null;
  if (!service) throw new Response("Not found", { status: 404 });
  return service;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = requireRole(await requireUser(request), "ADMIN");
  return { ...signedInData(session), service: await findService(params.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const session = requireRole(await requireUser(request), "ADMIN");
  const form = await readForm(request);
  requireCsrf(session, form);
  const service = await findService(params.id);
  if (service && form.get("intent") === "remove") {
    await removeService(getDb(), session.user, service.id);
    return redirect(pathFor(request, "/staff/admin/support?done=removed"));
  }
  const submission = parseWithZod(form, { schema: serviceSchema });
  const typed = Object.fromEntries(TEXT_FIELDS.map((name) => [name, String(form.get(name) ?? "").slice(0, 2000)])) as Record<(typeof TEXT_FIELDS)[number], string>;
  const groups = form.getAll("groups").map(String).slice(0, SUPPORT_GROUPS.length);
  if (submission.status !== "success") {
    return data({ errors: submission.error ?? {}, values: { ...typed, groups } }, { status: 400 });
  }
  if (service) await updateService(getDb(), session.user, service.id, submission.value);
  else await addService(getDb(), session.user, submission.value);
  return redirect(pathFor(request, "/staff/admin/support?done=saved"));
}

export default function SupportService() {
  const t = useT();
  const { service } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const errors = posted?.errors ?? {};
  const value = (name: (typeof TEXT_FIELDS)[number]) => posted?.values[name] ?? service?.[name] ?? "";
  return (
    <>
      <ErrorSummary errors={summaryErrors(errors, ORDER)} />
      <span className="govuk-caption-l">{t("support.admin.title")}</span>
      <h1 className="govuk-heading-l">{service ? service.nameEn : t("support.admin.addHeading")}</h1>
      <form method="post" noValidate>
        <CsrfField />
        {TEXT_FIELDS.map((name) => (
          <TextField
            key={name}
            name={name}
            label={t(`support.admin.${name}`)}
            hint={name === "url" ? t("support.admin.urlHint") : name.startsWith("contact") ? t("support.admin.contactHint") : undefined}
            spellCheck={name !== "url"}
            defaultValue={value(name)}
            error={errors[name] ?? undefined}
          />
        ))}
        <CheckboxGroup
          name="groups"
          label={t("support.admin.groups")}
          defaultValue={posted?.values.groups ?? service?.groups ?? []}
          error={errors.groups ?? undefined}
          choices={SUPPORT_GROUPS.map((group) => ({ value: group, label: t(`support.groups.${group}`) }))}
        />
        <Button>{service ? t("support.admin.save") : t("support.admin.add")}</Button>
      </form>
      {service ? (
        <form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="remove" />
          <Button variant="warning">{t("support.admin.remove")}</Button>
        </form>
      ) : null}
    </>
  );
}
