import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { hasRole } from "~/features/auth/guards.server.ts";
import { signedInData } from "~/features/auth/session-route.server.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { localisePath } from "~/features/i18n/languages.ts";
import { requireLetterReader } from "~/features/letters/access.server.ts";
import { listLetters } from "~/features/letters/letters.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { titleFor } from "~/utils/meta.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "letters.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireLetterReader(request);
  return { ...signedInData(session), letters: await listLetters(getDb()), editor: hasRole(session.user, "LETTER_EDITOR"), renderer: hasRole(session.user, "AREA_STAFF", "VLO") };
}

export default function Letters() {
  const t = useT();
  const lang = useLang();
  const { letters, editor, renderer } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t("letters.title")}</h1>
      <p className="govuk-body">{t("letters.intro")}</p>
      <table className="govuk-table" data-testid="letters-table">
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{t("letters.title")}</th>
            <th scope="col" className="govuk-table__header">{t("letters.current")}</th>
            <th scope="col" className="govuk-table__header">{t("letters.pending")}</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {letters.map((letter) => (
            <tr key={letter.id} className="govuk-table__row">
              <td className="govuk-table__cell">
                {editor ? (
                  <a className="govuk-link" href={localisePath(`/staff/letters/${letter.id}`, lang)}>{letter.name[lang]}</a>
                ) : (
                  letter.name[lang]
                )}
                {renderer ? (
                  <>
                    {" · "}
                    <a className="govuk-link" href={localisePath(`/staff/letters/${letter.id}/render`, lang)}>{t("letters.renderTitle")}</a>
                  </>
                ) : null}
              </td>
              <td className="govuk-table__cell">{letter.approved ? t("letters.version", { number: letter.approved }) : t("letters.none")}</td>
              <td className="govuk-table__cell">
                {letter.pending.map((p) => `${t("letters.version", { number: p.number })}: ${t(`letters.status.${p.status}`)}`).join(", ") || "–"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
