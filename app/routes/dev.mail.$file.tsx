import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireDevMail } from "~/features/mail/dev-mail.server.ts";
import { useT } from "~/features/i18n/i18n.ts";
import { titleFor } from "~/utils/meta.ts";

export const meta: MetaFunction = ({ matches }) => titleFor(matches, "titles.mailMessage");

export async function loader({ params }: LoaderFunctionArgs) {
  const message = await requireDevMail().read(params.file ?? "");
  if (!message) throw new Response("Not found", { status: 404 });
  return message;
}

export default function DevMailMessage() {
  const t = useT();
  const message = useLoaderData<typeof loader>();
  return (
    <>
      <p className="govuk-body">
        <a className="govuk-link" href="/dev/mail">{t("devMail.back")}</a>
      </p>
      <h1 className="govuk-heading-l">{message.subject}</h1>
      <p className="govuk-body">
        {t("devMail.to")}: {message.to}
      </p>
      <pre className="govuk-body app-mail-body" data-testid="mail-body">
        {message.text}
      </pre>
    </>
  );
}
