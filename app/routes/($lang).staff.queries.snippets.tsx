// The Area's saved replies: added, changed and removed by its staff, and
// offered on every query's page as a start for a reply.
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField } from "~/components/auth/SignedIn.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { ErrorSummary } from "~/components/ui/ErrorSummary.tsx";
import { TextArea, TextField } from "~/components/ui/TextField.tsx";
import { requireCsrf, requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { pathFor, signedInData } from "~/features/auth/session-route.server.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { localisePath } from "~/features/i18n/languages.ts";
import { MAX_QUESTION, snippetSchema } from "~/features/queries/schema.ts";
import { areaSnippets, deleteSnippet, findSnippet, saveSnippet } from "~/features/queries/snippets.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { parseWithZod } from "~/utils/forms.ts";
import { isUuid } from "~/utils/ids.ts";
import { titleFor } from "~/utils/meta.ts";
import { readForm } from "~/utils/read-form.server.ts";
import { refusedForm } from "~/utils/refused-form.server.ts";
import { workspaceLinks } from "~/utils/workspace-styles.ts";

export const handle = { hydrate: true };
export const links: LinksFunction = workspaceLinks;
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "queries.snippets.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const session = requireRole(await requireUser(request), "AREA_STAFF", "VLO");
  const db = getDb();
  const edit = new URL(request.url).searchParams.get("edit");
  const editing = edit && isUuid(edit) ? await findSnippet(db, session.user, edit) : null;
  return { ...signedInData(session), snippets: await areaSnippets(db, session.user), editing };
}

export async function action({ request }: ActionFunctionArgs) {
  const session = requireRole(await requireUser(request), "AREA_STAFF", "VLO");
  const form = await readForm(request);
  requireCsrf(session, form);
  const db = getDb();
  const id = String(form.get("id") ?? "");
  if (id && !isUuid(id)) throw new Response("Not found", { status: 404 });
  const intent = form.get("intent");
  if (intent === "delete") {
    if (!id || !(await deleteSnippet(db, session.user, id))) throw new Response("Not found", { status: 404 });
    return redirect(pathFor(request, "/staff/queries/snippets"));
  }
  if (intent !== "save") throw new Response("Bad request", { status: 400 });
  const submission = parseWithZod(form, { schema: snippetSchema });
  const fields = ["id", "title", "body"];
  if (submission.status !== "success") return refusedForm("save", { title: submission.error?.title?.[0], body: submission.error?.body?.[0] }, form, fields);
  const saved = await saveSnippet(db, session.user, { id: id || undefined, ...submission.value });
  if (!saved.ok && saved.problem === "notFound") throw new Response("Not found", { status: 404 });
  if (!saved.ok) return refusedForm("save", { title: "queries.errors.snippetTitleTaken" }, form, fields);
  return redirect(pathFor(request, "/staff/queries/snippets"));
}

export default function Snippets() {
  const t = useT();
  const lang = useLang();
  const { snippets, editing } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const values = posted?.values ?? { id: editing?.id ?? "", title: editing?.title ?? "", body: editing?.body ?? "" };
  const errorFor = (name: string) => posted?.errors.find((error) => error.name === name)?.key;
  return (
    <>
      {posted?.errors.length ? <ErrorSummary errors={posted.errors} /> : null}
      <h1 className="govuk-heading-l">{t("queries.snippets.title")}</h1>
      <p className="govuk-body">{t("queries.snippets.intro")}</p>
      {snippets.length ? (
        snippets.map((snippet) => (
          <div key={snippet.id} className="govuk-summary-card" data-testid="snippet">
            <div className="govuk-summary-card__title-wrapper">
              <h2 className="govuk-summary-card__title">
                <bdi>{snippet.title}</bdi>
              </h2>
              <ul className="govuk-summary-card__actions">
                <li className="govuk-summary-card__action">
                  <a className="govuk-link" href={`${localisePath("/staff/queries/snippets", lang)}?edit=${snippet.id}`}>
                    {t("queries.snippets.change")}
                    <span className="govuk-visually-hidden"> {snippet.title}</span>
                  </a>
                </li>
                <li className="govuk-summary-card__action">
                  <form method="post">
                    <CsrfField />
                    <input type="hidden" name="id" value={snippet.id} />
                    <button type="submit" name="intent" value="delete" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0">
                      {t("queries.snippets.delete")}
                      <span className="govuk-visually-hidden"> {snippet.title}</span>
                    </button>
                  </form>
                </li>
              </ul>
            </div>
            <div className="govuk-summary-card__content">
              <p className="govuk-body app-mail-body">
                <bdi>{snippet.body}</bdi>
              </p>
            </div>
          </div>
        ))
      ) : (
        <p className="govuk-body">{t("queries.snippets.none")}</p>
      )}
      <h2 className="govuk-heading-m">{values.id ? t("queries.snippets.changeTitle") : t("queries.snippets.add")}</h2>
      <form method="post" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="save" />
        {values.id ? <input type="hidden" name="id" value={values.id} /> : null}
        <TextField name="title" label={t("queries.snippets.name")} hint={t("queries.snippets.nameHint")} defaultValue={values.title} error={errorFor("title")} />
        <TextArea name="body" maxLength={MAX_QUESTION} label={t("queries.snippets.body")} hint={t("queries.snippets.bodyHint")} rows={6} defaultValue={values.body} error={errorFor("body")} />
        <Button>{t("queries.snippets.save")}</Button>
      </form>
      <p className="govuk-body">
        <a className="govuk-link" href={localisePath("/staff/queries", lang)}>
          {t("queries.inbox.backToInbox")}
        </a>
      </p>
    </>
  );
}
