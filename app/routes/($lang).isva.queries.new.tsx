// Sending a query: fill in, check where it will go and why, then send.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField } from "~/components/auth/SignedIn.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { CheckboxGroup, RadioGroup } from "~/components/ui/Choices.tsx";
import { ErrorSummary, summaryErrors } from "~/components/ui/ErrorSummary.tsx";
import { Select } from "~/components/ui/Select.tsx";
import { TextArea, TextField } from "~/components/ui/TextField.tsx";
import { requireCsrf, requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { pathFor, signedInData } from "~/features/auth/session-route.server.ts";
import { useT } from "~/features/i18n/i18n.ts";
import { langFromPath } from "~/features/i18n/languages.ts";
import { uiStrings } from "~/features/i18n/resources.server.ts";
import { describeRouting, formChoices, routeQuery, routingErrors } from "~/features/queries/form.server.ts";
import { submitQuery } from "~/features/queries/queries.server.ts";
import { CATEGORIES, querySchema } from "~/features/queries/schema.ts";
import { consumeAttempt } from "~/features/security/rate-limit.server.ts";
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
  const lang = langFromPath(new URL(request.url).pathname);
  // A conflict between the URN and the chosen force is settled by the ISVA's choice.
  const resolvedForce = form.get("resolveForce");
  if (typeof resolvedForce === "string" && resolvedForce) {
    form.set("forceId", resolvedForce);
    if (form.get("resolvedFromUrn") !== resolvedForce) form.delete("urn");
  }
  const submission = parseWithZod(form, { schema: querySchema });
  if (submission.status !== "success") return data({ result: submission.reply(), step: "edit" as const }, { status: 400 });
  const { result: routing, data: reference } = await routeQuery(getDb(), submission.value);
  if (routing.kind === "conflict") {
    return data({ result: submission.reply(), step: "conflict" as const, conflict: routing }, { status: 400 });
  }
  const errors = routingErrors(routing);
  if (errors || routing.kind !== "routed") return data({ result: submission.reply({ fieldErrors: errors ?? {} }), step: "edit" as const }, { status: 400 });

  if (form.get("intent") !== "send") {
    return data({ result: submission.reply(), step: "confirm" as const, reason: describeRouting(routing, lang, reference), values: submission.value, urn: routing.urn });
  }
  if (!(await consumeAttempt("querySend", session.user.id))) {
    return data({ result: submission.reply({ formErrors: ["auth.errors.tooMany"] }), step: "edit" as const }, { status: 429 });
  }
  const ui = { en: uiStrings("en").queries.categories, cy: uiStrings("cy").queries.categories };
  const sent = await submitQuery(
    getDb(),
    session.user,
    submission.value,
    { areaId: routing.areaId, forceId: routing.forceId, boroughId: "boroughId" in routing.reason ? routing.reason.boroughId : undefined, urn: routing.urn, reason: routing.reason },
    { origin: publicOrigin(request), categories: ui },
  );
  return redirect(pathFor(request, `/isva/queries/${sent.reference}?sent=1`));
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

  if (posted?.step === "confirm") {
    const values = posted.values;
    return (
      <>
        <h1 className="govuk-heading-l">{t("queries.form.routedHeading")}</h1>
        <div className="govuk-inset-text" data-testid="routing-reason">{posted.reason}</div>
        <dl className="govuk-summary-list">
          {posted.urn ? (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("queries.form.urn")}</dt>
              <dd className="govuk-summary-list__value">{posted.urn}</dd>
            </div>
          ) : null}
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("queries.category")}</dt>
            <dd className="govuk-summary-list__value">{t(`queries.categories.${values.category}`)}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("queries.form.question")}</dt>
            <dd className="govuk-summary-list__value app-mail-body">{values.question}</dd>
          </div>
        </dl>
        <p className="govuk-body">{t("queries.form.yourDetails", contact)}</p>
        <Form method="post">
          <CsrfField />
          {Object.entries(values).map(([name, v]) => (v === undefined ? null : <input key={name} type="hidden" name={name} value={String(v)} />))}
          <Button name="intent" value="send">{t("queries.form.send")}</Button>{" "}
          <Button name="intent" value="edit" variant="secondary">{t("queries.form.edit")}</Button>
        </Form>
      </>
    );
  }

  const conflict = posted?.step === "conflict" ? posted.conflict : undefined;
  const errors = summaryErrors(Object.fromEntries(FIELDS.map((name) => [name, fields[name].errors ?? null])), [...FIELDS]);
  return (
    <>
      <ErrorSummary errors={[...errors, ...(conflict ? [{ name: "resolveForce", key: "queries.errors.conflict" }] : [])]} />
      <h1 className="govuk-heading-l">{t("queries.form.title")}</h1>
      <p className="govuk-body">{t("queries.form.intro")}</p>
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
        <CsrfField />
        {conflict ? (
          <>
            <input type="hidden" name="resolvedFromUrn" value={conflict.urnForceId} />
            <RadioGroup
              name="resolveForce"
              label={t("queries.form.conflictHeading")}
              hint={t("queries.form.conflictText", {
                urn: conflict.urn,
                urnForce: choices.forceNames[conflict.urnForceId],
                chosenForce: choices.forceNames[conflict.chosenForceId],
              })}
              error="queries.errors.conflict"
              choices={[
                { value: conflict.urnForceId, label: t("queries.form.conflictUseUrn", { force: choices.forceNames[conflict.urnForceId] }) },
                { value: conflict.chosenForceId, label: t("queries.form.conflictUseChosen", { force: choices.forceNames[conflict.chosenForceId] }) },
              ]}
            />
          </>
        ) : null}
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
