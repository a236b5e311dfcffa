// Sending a query: fill in, check where it will go and why, then send.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField } from "~/components/auth/SignedIn.tsx";
import { CheckQuery, ForceConflict } from "~/components/queries/SendQueryParts.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { CheckboxGroup } from "~/components/ui/Choices.tsx";
import { ErrorSummary, summaryErrors } from "~/components/ui/ErrorSummary.tsx";
import { Select } from "~/components/ui/Select.tsx";
import { TextArea, TextField } from "~/components/ui/TextField.tsx";
import { requireCsrf, requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { pathFor, signedInData } from "~/features/auth/session-route.server.ts";
import { useT } from "~/features/i18n/i18n.ts";
import { langFromPath } from "~/features/i18n/languages.ts";
import { formChoices, takeQueryStep } from "~/features/queries/form.server.ts";
import { CATEGORIES, querySchema } from "~/features/queries/schema.ts";
import { getDb } from "~/utils/db.server.ts";
import { parseWithZod, useForm } from "~/utils/forms.ts";
import { titleFor } from "~/utils/meta.ts";
import { publicOrigin } from "~/utils/origin.server.ts";
import { loadReferenceData } from "~/features/routing/reference.server.ts";
import { readForm } from "~/utils/read-form.server.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "queries.form.title");

const FIELDS = ["urn", "forceId", "boroughId", "offenceAreaId", "category", "question", "consent"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const session = requireRole(await requireUser(request), "ISVA");
  const lang = langFromPath(new URL(request.url).pathname);
  return {
    ...signedInData(session),
    choices: formChoices(await loadReferenceData(getDb()), lang),
    contact: { email: session.user.email, organisation: session.user.organisation ?? "" },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const session = requireRole(await requireUser(request), "ISVA");
  const form = await readForm(request);
  requireCsrf(session, form);
  const step = await takeQueryStep(getDb(), session.user, form, langFromPath(new URL(request.url).pathname), publicOrigin(request));
  if ("sent" in step) return redirect(pathFor(request, `/isva/queries/${step.sent}?sent=1`));
  return data(step.posted, { status: step.status });
}

export default function NewQuery() {
  const t = useT();
  const { choices, contact } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: posted?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: querySchema }),
    shouldValidate: "onSubmit",
  });
  const value = (name: (typeof FIELDS)[number]) => String(fields[name].initialValue ?? "");

  if (posted?.step === "confirm") return <CheckQuery reason={posted.reason} urn={posted.urn} values={posted.values} contact={contact} />;

  const conflict = posted?.step === "conflict" ? posted.conflict : undefined;
  const errors = summaryErrors(Object.fromEntries(FIELDS.map((name) => [name, fields[name].errors ?? null])), [...FIELDS]);
  return (
    <>
      <ErrorSummary errors={[...errors, ...(conflict ? [{ name: "resolveForce", key: "queries.errors.conflict" }] : [])]} />
      <h1 className="govuk-heading-l">{t("queries.form.title")}</h1>
      <p className="govuk-body">{t("queries.form.intro")}</p>
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
        <CsrfField />
        {conflict ? <ForceConflict conflict={conflict} forceNames={choices.forceNames} /> : null}
        <TextField name="urn" label={t("queries.form.urn")} hint={t("queries.form.urnHint")} spellCheck={false} autoComplete="off" width="20" defaultValue={value("urn")} error={fields.urn.errors} />
        <Select name="forceId" label={t("queries.form.force")} placeholder={t("queries.form.forcePlaceholder")} options={choices.forces} defaultValue={value("forceId")} error={fields.forceId.errors} />
        <Select name="boroughId" label={t("queries.form.borough")} hint={t("queries.form.boroughHint")} placeholder={t("queries.form.boroughPlaceholder")} options={choices.boroughs} defaultValue={value("boroughId")} error={fields.boroughId.errors} />
        <Select name="offenceAreaId" label={t("queries.form.offenceArea")} hint={t("queries.form.offenceAreaHint")} placeholder={t("queries.form.offenceAreaPlaceholder")} options={choices.areas} defaultValue={value("offenceAreaId")} error={fields.offenceAreaId.errors} />
        <Select
          name="category"
          label={t("queries.form.category")}
          placeholder={t("forms.chooseOne")}
          options={CATEGORIES.map((c) => ({ value: c, label: t(`queries.categories.${c}`) }))}
          defaultValue={value("category")}
          error={fields.category.errors}
        />
        <TextArea name="question" label={t("queries.form.question")} hint={t("queries.form.questionHint")} rows={8} defaultValue={value("question")} error={fields.question.errors} />
        <CheckboxGroup
          name="consent"
          label={t("queries.form.consent")}
          choices={[{ value: "yes", label: t("queries.form.consentLabel") }]}
          defaultValue={value("consent") === "yes" ? ["yes"] : []}
          error={fields.consent.errors}
        />
        <p className="govuk-body">{t("queries.form.yourDetails", contact)}</p>
        <Button name="intent" value="check">{t("queries.form.check")}</Button>
      </Form>
    </>
  );
}
