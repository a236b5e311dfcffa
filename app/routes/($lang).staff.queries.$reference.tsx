// One query, for its Area's staff: the thread, a reply, assignment, status,
// internal notes, passing it to another Area, and its timeline.
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { StaffQuerySummary, Thread } from "~/components/queries/QueryViews.tsx";
import { AssignForms, NoteForm, ReplyForm, TransferForm, type Posted } from "~/components/queries/StaffQueryForms.tsx";
import { Timeline } from "~/components/queries/Timeline.tsx";
import { ErrorSummary } from "~/components/ui/ErrorSummary.tsx";
import { requireCsrf, requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { pathFor, signedInData } from "~/features/auth/session-route.server.ts";
import { useT } from "~/features/i18n/i18n.ts";
import { langFromPath } from "~/features/i18n/languages.ts";
import { formatDate } from "~/features/dates/format.ts";
import { addQueryNote, assignQuery, setQueryStatus, transferQuery } from "~/features/queries/history.server.ts";
import { isInStaffArea, replyToQuery } from "~/features/queries/queries.server.ts";
import { isQueryReference } from "~/features/queries/reference.ts";
import { findSnippet } from "~/features/queries/snippets.server.ts";
import { staffQueryPage } from "~/features/queries/staff-page.server.ts";
import { MAX_QUESTION, noteSchema, QUERY_STATUSES, replySchema, transferSchema } from "~/features/queries/schema.ts";
import { queryTimeline, threadMessages } from "~/features/queries/views.server.ts";
import { loadReferenceData } from "~/features/routing/reference.server.ts";
import { reasonText, type RoutingReason } from "~/features/routing/route.ts";
import { getDb } from "~/utils/db.server.ts";
import { parseWithZod } from "~/utils/forms.ts";
import { refusedForm } from "~/utils/refused-form.server.ts";
import { titleFor } from "~/utils/meta.ts";
import { publicOrigin } from "~/utils/origin.server.ts";
import { readForm } from "~/utils/read-form.server.ts";
import { isUuid } from "~/utils/ids.ts";
import { workspaceLinks } from "~/utils/workspace-styles.ts";

export const handle = { hydrate: true };
export const links: LinksFunction = workspaceLinks;
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "titles.query");

function requireReference(value: string | undefined) {
  if (!isQueryReference(value)) throw new Response("Not found", { status: 404 });
  return value;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = requireRole(await requireUser(request), "AREA_STAFF", "VLO");
  const db = getDb();
  const query = await staffQueryPage(db, session.user, requireReference(params.reference));
  if (!query) throw new Response("Not found", { status: 404 });
  const lang = langFromPath(new URL(request.url).pathname);
  const reference = await loadReferenceData(db);
  const areaName = (id: string) => reference.areas.find((area) => area.id === id)?.[lang === "cy" ? "nameCy" : "nameEn"] ?? id;
  const reason = reasonText(query.routingReason as RoutingReason, lang, reference);
  return {
    ...signedInData(session),
    query: {
      reference: query.reference,
      status: query.status,
      category: query.category,
      urn: query.urn,
      dueOn: formatDate(query.dueOn, lang),
      assigneeId: query.assigneeId ?? "",
      isva: query.isva,
      reason,
    },
    messages: threadMessages(query.messages, lang),
    timeline: queryTimeline({ createdAt: query.createdAt, isvaName: query.isva.name, reason }, query.messages, query.events, lang, areaName),
    otherAreas: reference.areas.filter((area) => area.id !== query.areaId).map(({ id, nameEn, nameCy }) => ({ id, nameEn, nameCy })),
    colleagues: query.colleagues,
    snippets: query.snippets,
    myId: session.user.id,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const session = requireRole(await requireUser(request), "AREA_STAFF", "VLO");
  const form = await readForm(request);
  requireCsrf(session, form);
  const reference = requireReference(params.reference);
  const db = getDb();
  if (!(await isInStaffArea(db, session.user, reference))) throw new Response("Not found", { status: 404 });
  let done: unknown;
  switch (form.get("intent")) {
    case "reply": {
      const submission = parseWithZod(form, { schema: replySchema });
      if (submission.status !== "success") return refusedForm("reply", { body: submission.error?.body?.[0] ?? "queries.errors.reply" }, form, ["body"]);
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
    case "snippet": {
      // A saved reply added to what is typed, to edit before sending; nothing is sent.
      const id = String(form.get("snippetId") ?? "");
      const snippet = isUuid(id) ? await findSnippet(db, session.user, id) : null;
      const typed = String(form.get("body") ?? "").slice(0, MAX_QUESTION);
      if (!snippet) return refusedForm("reply", { snippetId: "queries.errors.snippetChoose" }, form, ["body"]);
      const body = typed.trim() ? `${typed.trimEnd()}\n\n${snippet.body}` : snippet.body;
      if (body.length > MAX_QUESTION) return refusedForm("reply", { snippetId: "queries.errors.snippetTooLong" }, form, ["body"]);
      return { intent: "reply", errors: [], values: { body } };
    }
    case "note": {
      const submission = parseWithZod(form, { schema: noteSchema });
      if (submission.status !== "success") return refusedForm("note", { note: submission.error?.note?.[0] ?? "queries.errors.note" }, form, ["note"]);
      done = await addQueryNote(db, session.user, reference, submission.value.note);
      break;
    }
    case "transfer": {
      const submission = parseWithZod(form, { schema: transferSchema });
      const toAreaId = String(form.get("toAreaId") ?? "").trim();
      const known = (await loadReferenceData(db)).areas.some((area) => area.id === toAreaId && area.id !== session.user.areaId);
      if (submission.status !== "success" || !known) {
        const error = submission.status === "success" ? undefined : submission.error;
        const errors = { toAreaId: known ? undefined : (error?.toAreaId?.[0] ?? "queries.errors.transferArea"), reason: error?.reason?.[0] };
        return refusedForm("transfer", errors, form, ["toAreaId", "reason"]);
      }
      const moved = await transferQuery(db, session.user, reference, toAreaId, submission.value.reason, publicOrigin(request));
      if (!moved) throw new Response("Not found", { status: 404 });
      return redirect(pathFor(request, `/staff/queries?transferred=${reference}`));
    }
    default:
      throw new Response("Bad request", { status: 400 });
  }
  if (!done) throw new Response("Not found", { status: 404 });
  return redirect(pathFor(request, `/staff/queries/${reference}`));
}

export default function StaffQuery() {
  const t = useT();
  const { query, messages, timeline, otherAreas, colleagues, myId, snippets } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>() as Posted;
  return (
    <>
      {posted?.errors.length ? <ErrorSummary errors={posted.errors} /> : null}
      <h1 className="govuk-heading-l">{query.reference}</h1>
      <StaffQuerySummary query={query} />
      <Thread messages={messages} />
      <ReplyForm posted={posted} snippets={snippets} />
      <AssignForms assigneeId={query.assigneeId} status={query.status} myId={myId} colleagues={colleagues} />
      <h2 className="govuk-heading-m">{t("queries.notes.title")}</h2>
      <NoteForm posted={posted} />
      <TransferForm areas={otherAreas} posted={posted} />
      <h2 className="govuk-heading-m">{t("queries.timeline.title")}</h2>
      <Timeline items={timeline} />
    </>
  );
}
