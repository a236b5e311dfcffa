// The parts of the ISVA's query form: the choice between a URN's police force
// and the one chosen, when they disagree; and the answers checked, with where
// the query will go and why, before it is sent.
import { Form } from "@remix-run/react";
import { CsrfField } from "~/components/auth/SignedIn.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { RadioGroup } from "~/components/ui/Choices.tsx";
import { useT } from "~/features/i18n/i18n.ts";
import type { QueryInput } from "~/features/queries/schema.ts";

export function ForceConflict({
  conflict,
  forceNames,
}: {
  conflict: { urnForceId: string; chosenForceId: string; urn: string };
  forceNames: Record<string, string>;
}) {
  const t = useT();
  return (
    <>
      <input type="hidden" name="resolvedFromUrn" value={conflict.urnForceId} />
      <RadioGroup
        name="resolveForce"
        label={t("queries.form.conflictHeading")}
        hint={t("queries.form.conflictText", {
          urn: conflict.urn,
          urnForce: forceNames[conflict.urnForceId],
          chosenForce: forceNames[conflict.chosenForceId],
        })}
        error="queries.errors.conflict"
        choices={[
          { value: conflict.urnForceId, label: t("queries.form.conflictUseUrn", { force: forceNames[conflict.urnForceId] }) },
          { value: conflict.chosenForceId, label: t("queries.form.conflictUseChosen", { force: forceNames[conflict.chosenForceId] }) },
        ]}
      />
    </>
  );
}

export function CheckQuery({
  reason,
  urn,
  values,
  contact,
}: {
  reason: string;
  urn?: string | null;
  values: QueryInput;
  contact: { email: string; organisation: string };
}) {
  const t = useT();
  return (
    <>
      <h1 className="govuk-heading-l">{t("queries.form.routedHeading")}</h1>
      <div className="govuk-inset-text" data-testid="routing-reason">{reason}</div>
      <dl className="govuk-summary-list">
        {urn ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("queries.form.urn")}</dt>
            <dd className="govuk-summary-list__value">{urn}</dd>
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
