// A letter's versions, with the actions an editor can take.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CsrfField } from "~/components/auth/SignedIn.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { RelativeDay } from "~/components/ui/RelativeDay.tsx";
import { Select } from "~/components/ui/Select.tsx";
import { requireCsrf } from "~/features/auth/guards.server.ts";
import { pathFor, signedInData } from "~/features/auth/session-route.server.ts";
import { formatDate, relativeDay } from "~/features/dates/format.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { langFromPath, localisePath } from "~/features/i18n/languages.ts";
import { requireEditor, requireTemplateId } from "~/features/letters/access.server.ts";
import { createDraft, letterVersions, LetterWorkflowError } from "~/features/letters/letters.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { titleFor } from "~/utils/meta.ts";
import { readForm } from "~/utils/read-form.server.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "titles.letter");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requireEditor(request);
  const id = requireTemplateId(params.id);
  const versions = await letterVersions(getDb(), id);
  if (!versions.length) throw new Response("Not found", { status: 404 });
  const lang = langFromPath(new URL(request.url).pathname);
  return {
    ...signedInData(session),
    id,
    name: { en: versions[0]!.nameEn, cy: versions[0]!.nameCy },
    versions: versions.map((v) => ({ number: v.number, status: v.status, author: v.authorName, approver: v.approverName, mine: v.authorId === session.user.id, changed: { date: formatDate(v.updatedAt, lang), relative: relativeDay(v.updatedAt) } })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const session = await requireEditor(request);
  const form = await readForm(request);
  requireCsrf(session, form);
  const id = requireTemplateId(params.id);
  try {
    const draft = await createDraft(getDb(), session.user, id);
    return redirect(pathFor(request, `/staff/letters/${id}/v/${draft.number}`));
  } catch (error) {
    if (error instanceof LetterWorkflowError) return { error: error.key };
    throw error;
  }
}

export default function LetterVersions() {
  const t = useT();
  const lang = useLang();
  const { id, name, versions } = useLoaderData<typeof loader>();
  const latest = versions[0]!;
  return (
    <>
      <h1 className="govuk-heading-l">{name[lang]}</h1>
      <form method="post">
        <CsrfField />
        <Button>{latest.status === "DRAFT" && latest.mine ? t("letters.continueDraft") : t("letters.edit")}</Button>
      </form>
      <h2 className="govuk-heading-m">{t("letters.versions")}</h2>
      <table className="govuk-table">
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{t("letters.versions")}</th>
            <th scope="col" className="govuk-table__header">{t("admin.status")}</th>
            <th scope="col" className="govuk-table__header">{t("letters.author")}</th>
            <th scope="col" className="govuk-table__header">{t("letters.approver")}</th>
            <th scope="col" className="govuk-table__header">{t("letters.changed")}</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {versions.map((v) => (
            <tr key={v.number} className="govuk-table__row">
              <td className="govuk-table__cell">
                <a className="govuk-link" href={localisePath(`/staff/letters/${id}/v/${v.number}`, lang)}>{t("letters.version", { number: v.number })}</a>
              </td>
              <td className="govuk-table__cell">{t(`letters.status.${v.status}`)}</td>
              <td className="govuk-table__cell">{v.author ?? t("letters.baseline")}</td>
              <td className="govuk-table__cell">{v.approver ?? "–"}</td>
              <td className="govuk-table__cell">
                {v.changed.date}
                <RelativeDay relative={v.changed.relative} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {versions.length > 1 ? (
        <form method="get" action={localisePath(`/staff/letters/${id}/diff`, lang)} className="app-filters">
          <Select name="a" label={t("letters.version", { number: "" }).trim()} defaultValue={String(versions[1]!.number)} options={versions.map((v) => ({ value: String(v.number), label: String(v.number) }))} />
          <Select name="b" label={t("letters.diff")} defaultValue={String(versions[0]!.number)} options={versions.map((v) => ({ value: String(v.number), label: String(v.number) }))} />
          <Button variant="secondary">{t("letters.compare")}</Button>
        </form>
      ) : null}
    </>
  );
}
