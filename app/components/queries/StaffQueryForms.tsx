// The forms on a query's staff page besides the reply: assignment, status, an
// internal note and passing the query to another Area. Each is a plain form
// that works without JavaScript; a refused one keeps what was typed.
import { CsrfField } from "~/components/auth/SignedIn.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { Select } from "~/components/ui/Select.tsx";
import { TextArea } from "~/components/ui/TextField.tsx";
import { localisePath } from "~/features/i18n/languages.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { MAX_NOTE, MAX_QUESTION, QUERY_STATUSES } from "~/features/queries/schema.ts";

export type Posted =
  | {
      intent: string;
      errors: { name: string; key: string }[];
      values: Record<string, string>;
    }
  | undefined;

const errorFor = (posted: Posted, name: string) =>
  posted?.errors.find((error) => error.name === name)?.key;

function Intent({ value }: { value: string }) {
  return (
    <>
      <CsrfField />
      <input type="hidden" name="intent" value={value} />
    </>
  );
}

/** The reply, with the Area's saved replies to start from: adding one keeps what is typed and sends nothing. */
export function ReplyForm({ posted, snippets }: { posted: Posted; snippets: { id: string; title: string }[] }) {
  const t = useT();
  const lang = useLang();
  const mine = posted?.intent === "reply" ? posted : undefined;
  return (
    <form method="post" noValidate>
      <CsrfField />
      {snippets.length ? (
        <div className="app-filters">
          <Select
            name="snippetId"
            label={t("queries.snippets.use")}
            placeholder={t("queries.snippets.choose")}
            options={snippets.map((snippet) => ({ value: snippet.id, label: snippet.title }))}
            error={errorFor(mine, "snippetId")}
          />
          <Button variant="secondary" name="intent" value="snippet">
            {t("queries.snippets.insert")}
          </Button>
        </div>
      ) : null}
      <p className="govuk-body-s">
        <a className="govuk-link" href={localisePath("/staff/queries/snippets", lang)}>
          {t("queries.snippets.manage")}
        </a>
      </p>
      <TextArea
        name="body"
        maxLength={MAX_QUESTION}
        label={t("queries.thread.reply")}
        hint={t("queries.thread.replyHint")}
        rows={6}
        defaultValue={mine?.values.body}
        error={errorFor(mine, "body")}
      />
      <Button name="intent" value="reply">
        {t("queries.thread.send")}
      </Button>
    </form>
  );
}

export function AssignForms({
  assigneeId,
  status,
  myId,
  colleagues,
}: {
  assigneeId: string;
  status: string;
  myId: string;
  colleagues: { id: string; name: string }[];
}) {
  const t = useT();
  return (
    <>
      {assigneeId !== myId ? (
        <form method="post">
          <Intent value="assign" />
          <input type="hidden" name="assigneeId" value={myId} />
          <Button variant="secondary">{t("queries.thread.assignToMe")}</Button>
        </form>
      ) : null}
      <form method="post" className="app-filters">
        <Intent value="assign" />
        <Select
          name="assigneeId"
          label={t("queries.assignee")}
          placeholder={t("queries.nobody")}
          defaultValue={assigneeId}
          options={colleagues.map((c) => ({ value: c.id, label: c.name }))}
        />
        <Button variant="secondary">{t("queries.thread.assign")}</Button>
      </form>
      <form method="post" className="app-filters">
        <Intent value="status" />
        <Select
          name="status"
          label={t("queries.thread.setStatus")}
          defaultValue={status}
          options={QUERY_STATUSES.map((s) => ({
            value: s,
            label: t(`queries.statuses.${s}`),
          }))}
        />
        <Button variant="secondary">{t("queries.thread.save")}</Button>
      </form>
    </>
  );
}

export function NoteForm({ posted }: { posted: Posted }) {
  const t = useT();
  const mine = posted?.intent === "note" ? posted : undefined;
  return (
    <form method="post" noValidate>
      <Intent value="note" />
      <TextArea
        name="note"
        maxLength={MAX_NOTE}
        label={t("queries.notes.label")}
        hint={t("queries.notes.hint")}
        rows={3}
        defaultValue={mine?.values.note}
        error={errorFor(mine, "note")}
      />
      <Button variant="secondary">{t("queries.notes.add")}</Button>
    </form>
  );
}

export function TransferForm({
  areas,
  posted,
}: {
  areas: { id: string; nameEn: string; nameCy: string }[];
  posted: Posted;
}) {
  const t = useT();
  const lang = useLang();
  const mine = posted?.intent === "transfer" ? posted : undefined;
  return (
    <details className="govuk-details" open={Boolean(mine)}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          {t("queries.transfer.summary")}
        </span>
      </summary>
      <div className="govuk-details__text">
        <p className="govuk-body">{t("queries.transfer.intro")}</p>
        <form method="post" noValidate>
          <Intent value="transfer" />
          <Select
            name="toAreaId"
            label={t("queries.transfer.area")}
            placeholder={t("queries.transfer.choose")}
            defaultValue={mine?.values.toAreaId}
            error={errorFor(mine, "toAreaId")}
            options={areas.map((area) => ({
              value: area.id,
              label: lang === "cy" ? area.nameCy : area.nameEn,
            }))}
          />
          <TextArea
            name="reason"
            maxLength={MAX_NOTE}
            label={t("queries.transfer.reason")}
            hint={t("queries.transfer.reasonHint")}
            rows={3}
            defaultValue={mine?.values.reason}
            error={errorFor(mine, "reason")}
          />
          <Button variant="warning">{t("queries.transfer.submit")}</Button>
        </form>
      </div>
    </details>
  );
}
