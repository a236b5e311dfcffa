import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField } from "~/components/auth/SignedIn.tsx";
import { Thread } from "~/components/queries/QueryViews.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { ErrorSummary } from "~/components/ui/ErrorSummary.tsx";
import { TextArea } from "~/components/ui/TextField.tsx";
import { requireCsrf, requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { pathFor, signedInData } from "~/features/auth/session-route.server.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { addIsvaMessage, isvaQuery, markReadByIsva } from "~/features/queries/queries.server.ts";
import { isQueryReference } from "~/features/queries/reference.ts";
import { MAX_QUESTION, replySchema } from "~/features/queries/schema.ts";
import { threadMessages } from "~/features/queries/views.server.ts";
import { langFromPath } from "~/features/i18n/languages.ts";
import { getDb } from "~/utils/db.server.ts";
import { parseWithZod } from "~/utils/forms.ts";
import { titleFor } from "~/utils/meta.ts";
import { readForm } from "~/utils/read-form.server.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "queries.sent.title");

function requireReference(value: string | undefined) {
  if (!isQueryReference(value)) throw new Response("Not found", { status: 404 });
  return value;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = requireRole(await requireUser(request), "ISVA");
  // Read up to the moment before the thread is loaded: a reply arriving meanwhile stays unread.
  const seenAt = new Date();
  const query = await isvaQuery(getDb(), session.user, requireReference(params.reference));
  if (!query) throw new Response("Not found", { status: 404 });
  await markReadByIsva(getDb(), session.user, query.id, seenAt);
  return {
    ...signedInData(session),
    sent: new URL(request.url).searchParams.get("sent") === "1",
    query: { reference: query.reference, status: query.status, category: query.category, area: { en: query.area.nameEn, cy: query.area.nameCy } },
    messages: threadMessages(query.messages, langFromPath(new URL(request.url).pathname)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const session = requireRole(await requireUser(request), "ISVA");
  const form = await readForm(request);
  requireCsrf(session, form);
  const reference = requireReference(params.reference);
  const submission = parseWithZod(form, { schema: replySchema });
  if (submission.status !== "success") return data({ error: submission.error?.body?.[0] ?? "queries.errors.reply", body: String(form.get("body") ?? "") }, { status: 400 });
  const added = await addIsvaMessage(getDb(), session.user, reference, submission.value.body);
  if (!added) throw new Response("Not found", { status: 404 });
  return redirect(pathFor(request, `/isva/queries/${reference}`));
}

export default function IsvaQueryThread() {
  const t = useT();
  const lang = useLang();
  const { query, messages, sent } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  return (
    <>
      {posted?.error ? <ErrorSummary errors={[{ name: "body", key: posted.error }]} /> : null}
      {sent ? (
        <div className="govuk-panel govuk-panel--confirmation" data-testid="query-sent">
          <h1 className="govuk-panel__title">{t("queries.sent.title")}</h1>
          <div className="govuk-panel__body">
            {t("queries.sent.reference")}
            <br />
            <strong>{query.reference}</strong>
            <br />
            {t("queries.sent.area", { area: query.area[lang] })}
          </div>
        </div>
      ) : (
        <h1 className="govuk-heading-l">{query.reference}</h1>
      )}
      {sent ? <p className="govuk-body">{t("queries.sent.next")}</p> : null}
      <p className="govuk-body">
        {t("queries.area")}: {query.area[lang]} · {t("queries.category")}: {t(`queries.categories.${query.category}`)} · {t("queries.status")}:{" "}
        <strong className="govuk-tag">{t(`queries.statuses.${query.status}`)}</strong>
      </p>
      <Thread messages={messages} />
      {query.status === "CLOSED" ? null : (
        <form method="post" noValidate>
          <CsrfField />
          <TextArea name="body" maxLength={MAX_QUESTION} label={t("queries.thread.addReply")} defaultValue={posted?.body} error={posted?.error} />
          <Button>{t("queries.thread.send")}</Button>
        </form>
      )}
    </>
  );
}
