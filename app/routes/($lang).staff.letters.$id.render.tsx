// Area staff and VLOs make the current approved letter for a case. Nothing
// typed here is stored: the letter is made on each request.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField } from "~/components/auth/SignedIn.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { CheckboxGroup, RadioGroup } from "~/components/ui/Choices.tsx";
import { DateField } from "~/components/ui/DateField.tsx";
import { ErrorSummary } from "~/components/ui/ErrorSummary.tsx";
import { FilledValue } from "~/components/letters/FilledValue.tsx";
import { TextField } from "~/components/ui/TextField.tsx";
import { requireCsrf, requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { signedInData } from "~/features/auth/session-route.server.ts";
import { todayInLondon } from "~/features/dates/dates.ts";
import { meetingLetterValues } from "~/features/meetings/requests.server.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { isLang, localisePath } from "~/features/i18n/languages.ts";
import { requireTemplateId } from "~/features/letters/access.server.ts";
import { approvedVersion, metaOf, renderVersion } from "~/features/letters/letters.server.ts";
import { isFilledByPortal } from "~/features/letters/deadlines.ts";
import { letterValues } from "~/features/letters/render-form.server.ts";
import { recordRender, sendLetter } from "~/features/letters/send.server.ts";
import { LetterRenderError, nestHeadings } from "~/features/letters/template-language.ts";
import { MailHeaderError } from "~/features/mail/outbox.server.ts";
import { consumeAttempt } from "~/features/security/rate-limit.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { titleFor } from "~/utils/meta.ts";
import { readForm } from "~/utils/read-form.server.ts";

export const handle = { hydrate: true };
export const meta: MetaFunction = ({ matches }) => titleFor(matches, "letters.renderTitle");

async function load(request: Request, idParam: string | undefined) {
  const session = requireRole(await requireUser(request), "AREA_STAFF", "VLO");
  const version = await approvedVersion(getDb(), requireTemplateId(idParam));
  if (!version) throw new Response("Not found", { status: 404 });
  return { session, version };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session, version } = await load(request, params.id);
  const meeting = new URL(request.url).searchParams.get("meeting");
  return {
    ...signedInData(session),
    id: version.templateId,
    name: { en: version.nameEn, cy: version.nameCy },
    number: version.number,
    placeholders: metaOf(version).placeholders,
    // Sent back from the PDF download because its values no longer make the letter.
    pdfProblem: new URL(request.url).searchParams.get("problem") === "pdf",
    defaults: {
      letter_date: todayInLondon(),
      contact_name: session.user.name,
      // From a pre-trial meeting request of the user's own Area (its reference is in the address, nothing personal).
      ...(meeting ? await meetingLetterValues(getDb(), session.user, meeting) : {}),
    } as Record<string, string>,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, version } = await load(request, params.id);
  const form = await readForm(request);
  requireCsrf(session, form);
  // The Area's name goes into the letter in the letter's language.
  const area = session.user.areaId ? await getDb().area.findUnique({ where: { id: session.user.areaId } }) : null;
  const lang = isLang(form.get("language")) ? (form.get("language") as "en" | "cy") : "en";
  const values = letterValues(form, metaOf(version).placeholders, area, lang);
  // What the portal filled in (the Area's name, deadlines), shown with the form.
  const filled = Object.fromEntries(Object.keys(metaOf(version).placeholders).filter(isFilledByPortal).map((key) => [key, String(values[key] ?? "")]));
  // Typed values by placeholder ("letter_date.day" for a date's boxes), to show again and to post with the PDF.
  const typed = Object.fromEntries([...form.entries()].filter(([key]) => key.startsWith("v.") && !isFilledByPortal(key.slice(2).split(".")[0]!)).map(([key, value]) => [key.slice(2), String(value)]));
  const sendTo = String(form.get("sendTo") ?? "").slice(0, 320);
  const intent = form.get("intent");
  try {
    if (intent === "send") {
      const to = sendTo.trim().toLowerCase();
      if (!/^[^\s@<>,]+@[^\s@<>,]+\.[a-z]{2,}$/i.test(to)) return data({ typed, filled, sendTo, lang, error: "letters.errors.email", field: "sendTo" }, { status: 400 });
      if (form.get("safe") !== "yes") return data({ typed, filled, sendTo, lang, error: "letters.errors.safeEmail", field: "safe" }, { status: 400 });
      if (!(await consumeAttempt("querySend", session.user.id))) return data({ typed, filled, sendTo, lang, error: "auth.errors.tooMany", field: "sendTo" }, { status: 429 });
      await sendLetter(getDb(), session.user, version, values, lang, to);
      return data({ typed, filled, sendTo, lang, sent: true });
    }
    const letter = renderVersion(version, values, lang);
    await recordRender(getDb(), session.user, version, String(values.reference ?? ""), "preview");
    return data({ typed, filled, sendTo, lang, html: nestHeadings(letter.html, 2) });
  } catch (error) {
    if (error instanceof LetterRenderError) {
      return data({ typed, filled, sendTo, lang, error: "letters.errors.values", problems: error.problems.map((p) => p.message) }, { status: 400 });
    }
    // The Area's name, which is in the subject, could not be a header (an encoded word, say).
    if (error instanceof MailHeaderError) return data({ typed, filled, sendTo, lang, error: "letters.errors.values", field: "v.area_name" }, { status: 400 });
    throw error;
  }
}

export default function RenderLetter() {
  const t = useT();
  const lang = useLang();
  const { name, placeholders, defaults, id, pdfProblem } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>() as
    | { typed: Record<string, string>; filled: Record<string, string>; sendTo: string; lang: string; html?: string; sent?: boolean; error?: string; field?: string; problems?: string[] }
    | undefined;
  const value = (key: string) => posted?.typed[key] ?? defaults[key] ?? "";
  // A date's three boxes: as typed, or from a default given as YYYY-MM-DD.
  const dateValue = (key: string) => {
    if (posted && [".day", ".month", ".year"].some((part) => `${key}${part}` in posted.typed)) {
      return { day: posted.typed[`${key}.day`], month: posted.typed[`${key}.month`], year: posted.typed[`${key}.year`] };
    }
    const [year, month, day] = /^\d{4}-\d{2}-\d{2}$/.test(value(key)) ? value(key).split("-").map((n) => String(Number(n))) : [];
    return { day, month, year };
  };
  return (
    <>
      {posted?.error ? (
        <ErrorSummary errors={[{ name: posted.field ?? "language", key: posted.error }]} />
      ) : pdfProblem && !posted ? (
        <ErrorSummary errors={[{ name: "language", key: "letters.errors.pdf" }]} />
      ) : null}
      <span className="govuk-caption-l">{name[lang]}</span>
      <h1 className="govuk-heading-l">{t("letters.renderTitle")}</h1>
      <p className="govuk-body">{t("letters.renderIntro")}</p>
      {posted?.problems ? (
        <ul className="govuk-list govuk-error-message" data-testid="render-problems">
          {posted.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      {posted?.sent ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="status">
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{t("letters.sent")}</p>
          </div>
        </div>
      ) : null}
      <form method="post" noValidate>
        <CsrfField />
        <RadioGroup
          name="language"
          label={t("letters.language")}
          defaultValue={posted?.lang ?? lang}
          choices={[
            { value: "en", label: t("letters.english") },
            { value: "cy", label: t("letters.welsh") },
          ]}
        />
        <h2 className="govuk-heading-m">{t("letters.placeholders")}</h2>
        {Object.entries(placeholders).map(([key, spec]) =>
          isFilledByPortal(key) ? (
            <FilledValue key={key} label={spec.description ?? key} value={posted?.filled[key]} lang={(posted?.lang as "en" | "cy" | undefined) ?? lang} />
          ) : spec.type === "boolean" ? (
            <RadioGroup
              key={key}
              name={`v.${key}`}
              label={spec.description ?? key}
              defaultValue={value(key)}
              choices={[
                { value: "yes", label: t("letters.yes") },
                { value: "no", label: t("letters.no") },
              ]}
            />
          ) : spec.type === "date" ? (
            <DateField key={key} name={`v.${key}`} label={`${spec.description ?? key}${spec.required ? "" : ` ${t("forms.optional")}`}`} defaultValue={dateValue(key)} />
          ) : (
            <TextField
              key={key}
              name={`v.${key}`}
              label={`${spec.description ?? key}${spec.required ? "" : ` ${t("forms.optional")}`}`}
              inputMode={spec.type === "number" ? "numeric" : undefined}
              spellCheck={false}
              defaultValue={value(key)}
            />
          ),
        )}
        <Button name="intent" value="preview" variant="secondary">{t("letters.renderPreview")}</Button>
        <h2 className="govuk-heading-m">{t("letters.sendEmail")}</h2>
        <TextField name="sendTo" label={t("letters.sendTo")} type="email" spellCheck={false} autoComplete="off" defaultValue={posted?.sendTo ?? ""} />
        <CheckboxGroup name="safe" label={t("letters.sendEmail")} choices={[{ value: "yes", label: t("letters.safeConfirm") }]} />
        <Button name="intent" value="send" variant="secondary">{t("letters.sendEmail")}</Button>
      </form>
      {posted?.html ? (
        <>
          <div className="app-letter" data-testid="rendered-letter" dangerouslySetInnerHTML={{ __html: posted.html }} />
          {/* The PDF is of the letter shown: its values go with the button, checked already. */}
          <form method="post" action={localisePath(`/staff/letters/${id}/render.pdf`, lang)}>
            <CsrfField />
            <input type="hidden" name="language" value={posted.lang} />
            {Object.entries(posted.typed).map(([key, typedValue]) => (
              <input key={key} type="hidden" name={`v.${key}`} value={typedValue} />
            ))}
            <Button>{t("letters.downloadPdf")}</Button>
          </form>
        </>
      ) : null}
    </>
  );
}
