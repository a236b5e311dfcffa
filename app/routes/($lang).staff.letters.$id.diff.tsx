// The difference between two versions of a letter, in both languages.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { signedInData } from "~/features/auth/session-route.server.ts";
import { useT } from "~/features/i18n/i18n.ts";
import { requireEditor, requireNumber, requireTemplateId } from "~/features/letters/access.server.ts";
import { lineDiff } from "~/features/letters/diff.ts";
import { getVersion } from "~/features/letters/letters.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { titleFor } from "~/utils/meta.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "titles.letterDiff");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requireEditor(request);
  const id = requireTemplateId(params.id);
  const search = new URL(request.url).searchParams;
  const [a, b] = await Promise.all([getVersion(getDb(), id, requireNumber(search.get("a") ?? "")), getVersion(getDb(), id, requireNumber(search.get("b") ?? ""))]);
  if (!a || !b) throw new Response("Not found", { status: 404 });
  return { ...signedInData(session), a: a.number, b: b.number, en: lineDiff(a.bodyEn, b.bodyEn), cy: lineDiff(a.bodyCy, b.bodyCy) };
}

export default function LetterDiff() {
  const t = useT();
  const { a, b, en, cy } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">
        {t("letters.version", { number: a })} → {t("letters.version", { number: b })}
      </h1>
      {([["letters.english", en], ["letters.welsh", cy]] as const).map(([label, lines]) => (
        <section key={label} aria-label={t(label)}>
          <h2 className="govuk-heading-m">{t(label)}</h2>
          <div className="app-diff" data-testid="diff">
            {lines.map((line, i) =>
              line.kind === "added" ? <ins key={i}>+ {line.text}{"\n"}</ins> : line.kind === "removed" ? <del key={i}>- {line.text}{"\n"}</del> : <span key={i}>  {line.text}{"\n"}</span>,
            )}
          </div>
        </section>
      ))}
    </>
  );
}
