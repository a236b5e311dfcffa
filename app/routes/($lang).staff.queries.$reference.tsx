// One query, for its Area's staff: the thread, a reply, assignment and status.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField } from "~/components/auth/SignedIn.tsx";
import { Thread } from "~/components/queries/QueryViews.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { ErrorSummary } from "~/components/ui/ErrorSummary.tsx";
import { Select } from "~/components/ui/Select.tsx";
import { TextArea } from "~/components/ui/TextField.tsx";
import { requireCsrf, requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { pathFor, signedInData } from "~/features/auth/session-route.server.ts";
import { useT } from "~/features/i18n/i18n.ts";
import { langFromPath } from "~/features/i18n/languages.ts";
import { formatDate } from "~/features/dates/format.ts";
import { areaColleagues, assignQuery, replyToQuery, setQueryStatus, staffQuery } from "~/features/queries/queries.server.ts";
import { isQueryReference } from "~/features/queries/reference.ts";
import { MAX_QUESTION, QUERY_STATUSES, replySchema } from "~/features/queries/schema.ts";
import { threadMessages } from "~/features/queries/views.server.ts";
import { loadReferenceData } from "~/features/routing/reference.server.ts";
import { reasonText, type RoutingReason } from "~/features/routing/route.ts";
import { getDb } from "~/utils/db.server.ts";
import { parseWithZod } from "~/utils/forms.ts";
import { titleFor } from "~/utils/meta.ts";
import { publicOrigin } from "~/utils/origin.server.ts";
import { readForm } from "~/utils/read-form.server.ts";
import { isUuid } from "~/utils/ids.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "titles.query");

function requireReference(value: string | undefined) {
  if (!isQueryReference(value)) throw new Response("Not found", { status: 404 });
  return value;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = requireRole(await requireUser(request), "AREA_STAFF", "VLO");
  const db = getDb();
  const query = await staffQuery(db, session.user, requireReference(params.reference));
  if (!query) throw new Response("Not found", { status: 404 });
  const lang = langFromPath(new URL(request.url).pathname);
  return {
    ...signedInData(session),
    query: {
      reference: query.reference,
      status: query.status,
      category: query.category,
      urn: query.urn,
      dueOn: formatDate(query.dueOn.toISOString().slice(0, 10), lang),
      assigneeId: query.assignee?.id ?? "",
      isva: query.isva,
      reason: reasonText(query.routingReason as RoutingReason, lang, await loadReferenceData(db)),
    },
    messages: threadMessages(query.messages, lang),
    colleagues: await areaColleagues(db, session.user),
    myId: session.user.id,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const session = requireRole(await requireUser(request), "AREA_STAFF", "VLO");
  const form = await readForm(request);
  requireCsrf(session, form);
  const reference = requireReference(params.reference);
  const db = getDb();
  let done: unknown;
  switch (form.get("intent")) {
    case "reply": {
      const submission = parseWithZod(form, { schema: replySchema });
      if (submission.status !== "success") return data({ error: submission.error?.body?.[0] ?? "queries.errors.reply", body: String(form.get("body") ?? "") }, { status: 400 });
      done = await replyToQuery(db, session.user, reference, submission.value.body, publicOrigin(request));
      break;
    }
    case "assign": {
      // Nobody, or a colleague by id: anything else is no one's id.
      const assigneeId = String(form.get("assigneeId") ?? "");
      if (assigneeId && !isUuid(assigneeId)) throw new Response("Not found", { status: 404 });
      done = await assignQuery(db, session.user, reference, assigneeId || null);
      break;
    }
    case "status": {
      const status = QUERY_STATUSES.find((s) => s === form.get("status"));
      if (!status) throw new Response("Bad request", { status: 400 });
      done = await setQueryStatus(db, session.user, reference, status);
      break;
    }
    default:
      throw new Response("Bad request", { status: 400 });
  }
  if (!done) throw new Response("Not found", { status: 404 });
  return redirect(pathFor(request, `/staff/queries/${reference}`));
}

export default function StaffQuery() {
  const t = useT();
  const { query, messages, colleagues, myId } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  return (
    <>
      {posted?.error ? <ErrorSummary errors={[{ name: "body", key: posted.error }]} /> : null}
      <h1 className="govuk-heading-l">{query.reference}</h1>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("queries.category")}</dt>
          <dd className="govuk-summary-list__value">{t(`queries.categories.${query.category}`)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("queries.status")}</dt>
          <dd className="govuk-summary-list__value">{t(`queries.statuses.${query.status}`)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("queries.due")}</dt>
          <dd className="govuk-summary-list__value">{query.dueOn}</dd>
        </div>
        {query.urn ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">URN</dt>
            <dd className="govuk-summary-list__value">{query.urn}</dd>
          </div>
        ) : null}
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">ISVA</dt>
          <dd className="govuk-summary-list__value">
            {query.isva.name}, {query.isva.organisation} ({query.isva.email})
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t("queries.thread.routingReason")}</dt>
          <dd className="govuk-summary-list__value">{query.reason}</dd>
        </div>
      </dl>
      <Thread messages={messages} />
      <form method="post" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="reply" />
        <TextArea name="body" maxLength={MAX_QUESTION} label={t("queries.thread.reply")} hint={t("queries.thread.replyHint")} rows={6} defaultValue={posted?.body} error={posted?.error} />
        <Button>{t("queries.thread.send")}</Button>
      </form>
      {query.assigneeId !== myId ? (
        <form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="assign" />
          <input type="hidden" name="assigneeId" value={myId} />
          <Button variant="secondary">{t("queries.thread.assignToMe")}</Button>
        </form>
      ) : null}
      <form method="post" className="app-filters">
        <CsrfField />
        <input type="hidden" name="intent" value="assign" />
        <Select name="assigneeId" label={t("queries.assignee")} placeholder={t("queries.nobody")} defaultValue={query.assigneeId} options={colleagues.map((c) => ({ value: c.id, label: c.name }))} />
        <Button variant="secondary">{t("queries.thread.assign")}</Button>
      </form>
      <form method="post" className="app-filters">
        <CsrfField />
        <input type="hidden" name="intent" value="status" />
        <Select name="status" label={t("queries.thread.setStatus")} defaultValue={query.status} options={QUERY_STATUSES.map((s) => ({ value: s, label: t(`queries.statuses.${s}`) }))} />
        <Button variant="secondary">{t("queries.thread.save")}</Button>
      </form>
    </>
  );
}
