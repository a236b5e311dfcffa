// An administrator sets one Area's RASSO unit mailbox (queries are routed to
// it), its query settings, and the address and phone number its letters print.
// Seeded with placeholder mailboxes and no address: an administrator sets the
// real ones.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField } from "~/components/auth/SignedIn.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { CheckboxGroup } from "~/components/ui/Choices.tsx";
import { ErrorSummary, summaryErrors } from "~/components/ui/ErrorSummary.tsx";
import { TextArea, TextField } from "~/components/ui/TextField.tsx";
import { setAreaSettings } from "~/features/admin/admin.server.ts";
import { requireCsrf, requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { ADDRESS_LINES, areaSchema } from "~/features/auth/schemas.ts";
import { pathFor, signedInData } from "~/features/auth/session-route.server.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { getDb } from "~/utils/db.server.ts";
import { parseWithZod } from "~/utils/forms.ts";
import { titleFor } from "~/utils/meta.ts";
import { readForm } from "~/utils/read-form.server.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "admin.areaTitle");

const FIELDS = ["rassoMailbox", "responseDays", "letterAddressEn", "letterAddressCy", "letterPhone"] as const;

async function findArea(id: string | undefined) {
  const area = id ? await getDb().area.findUnique({ where: { id: id.slice(0, 60) } }) : null;
  if (!area) throw new Response("Not found", { status: 404 });
  return area;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = requireRole(await requireUser(request), "ADMIN");
  return { ...signedInData(session), area: await findArea(params.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const session = requireRole(await requireUser(request), "ADMIN");
  const form = await readForm(request);
  requireCsrf(session, form);
  const area = await findArea(params.id);
  const submission = parseWithZod(form, { schema: areaSchema });
  if (submission.status !== "success") {
    const typed = Object.fromEntries(FIELDS.map((name) => [name, String(form.get(name) ?? "").slice(0, 2000)])) as Record<(typeof FIELDS)[number], string>;
    return data({ errors: submission.error ?? {}, values: { ...typed, fullContentEmail: form.get("fullContentEmail") === "yes" } }, { status: 400 });
  }
  await setAreaSettings(getDb(), session.user, area.id, submission.value);
  return redirect(pathFor(request, "/staff/admin/areas?done=saved"));
}

export default function AreaSettings() {
  const t = useT();
  const lang = useLang();
  const { area } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const errors = posted?.errors ?? {};
  const value = (name: (typeof FIELDS)[number]) => posted?.values[name] ?? String(area[name]);
  return (
    <>
      <ErrorSummary errors={summaryErrors(errors, [...FIELDS])} />
      <span className="govuk-caption-l">{t("admin.areas")}</span>
      <h1 className="govuk-heading-l">{lang === "cy" ? area.nameCy : area.nameEn}</h1>
      <form method="post" noValidate>
        <CsrfField />
        <h2 className="govuk-heading-m">{t("admin.queriesHeading")}</h2>
        <TextField name="rassoMailbox" label={t("admin.mailbox")} hint={t("admin.mailboxHint")} type="email" spellCheck={false} defaultValue={value("rassoMailbox")} error={errors.rassoMailbox ?? undefined} />
        <TextField name="responseDays" label={t("admin.responseDays")} inputMode="numeric" width="2" defaultValue={value("responseDays")} error={errors.responseDays ?? undefined} />
        <CheckboxGroup
          name="fullContentEmail"
          label={t("admin.fullContentEmail")}
          hint={t("admin.fullContentEmailHint")}
          defaultValue={(posted?.values.fullContentEmail ?? area.fullContentEmail) ? ["yes"] : []}
          choices={[{ value: "yes", label: t("admin.fullContentEmailLabel") }]}
        />
        <h2 className="govuk-heading-m">{t("admin.lettersHeading")}</h2>
        <p className="govuk-body">{t("admin.lettersIntro")}</p>
        <TextArea name="letterAddressEn" label={t("admin.addressEn")} hint={t("admin.addressHint", { lines: ADDRESS_LINES })} rows={ADDRESS_LINES} defaultValue={value("letterAddressEn")} error={errors.letterAddressEn ?? undefined} />
        <TextArea name="letterAddressCy" label={t("admin.addressCy")} hint={t("admin.addressCyHint")} rows={ADDRESS_LINES} defaultValue={value("letterAddressCy")} error={errors.letterAddressCy ?? undefined} />
        <TextField name="letterPhone" label={t("admin.letterPhone")} hint={t("admin.letterPhoneHint")} type="tel" autoComplete="off" width="20" defaultValue={value("letterPhone")} error={errors.letterPhone ?? undefined} />
        <Button>{t("admin.save")}</Button>
      </form>
    </>
  );
}
