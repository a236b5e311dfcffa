// Local mode only: the e-mail the portal has written to ./data/mail instead of sending.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireDevMail } from "~/features/mail/dev-mail.server.ts";
import { useT } from "~/features/i18n/i18n.ts";
import { titleFor } from "~/utils/meta.ts";

export const meta: MetaFunction = ({ matches }) => titleFor(matches, "devMail.title");

export async function loader(_args: LoaderFunctionArgs) {
  const mail = requireDevMail();
  return { files: await mail.list() };
}

export default function DevMail() {
  const t = useT();
  const { files } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t("devMail.title")}</h1>
      <p className="govuk-body">{t("devMail.intro")}</p>
      {files.length ? (
        <ul className="govuk-list" data-testid="mail-list">
          {files.map((file) => (
            <li key={file.name}>
              <a className="govuk-link" href={`/dev/mail/${file.name}`}>
                {file.subject}
              </a>{" "}
              <span className="govuk-body-s">({file.to})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">{t("devMail.none")}</p>
      )}
    </>
  );
}
