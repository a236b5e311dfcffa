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
import { isQueryReference } from "~/features/queries/reference.ts";
import { actOnQuery } from "~/features/queries/staff-actions.server.ts";
import { staffQueryPage } from "~/features/queries/staff-page.server.ts";
import { queryTimeline, threadMessages } from "~/features/queries/views.server.ts";
import { loadReferenceData } from "~/features/routing/reference.server.ts";
import { reasonText, type RoutingReason } from "~/features/routing/route.ts";
import { getDb } from "~/utils/db.server.ts";
import { titleFor } from "~/utils/meta.ts";
import { publicOrigin } from "~/utils/origin.server.ts";
import { readForm } from "~/utils/read-form.server.ts";
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
  const answer = await actOnQuery(getDb(), session.user, requireReference(params.reference), form, publicOrigin(request));
  return "to" in answer ? redirect(pathFor(request, answer.to)) : answer;
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
