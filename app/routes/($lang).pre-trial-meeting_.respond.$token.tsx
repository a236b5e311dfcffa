// Where a victim or their ISVA answers from an e-mailed link, without an
// account or a cookie: choose one of the offered times (or say none suit), or
// confirm a booked meeting or ask to rearrange it. Opening the link changes
// nothing (so mail scanners cannot spend it); the button does, once.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/ui/Button.tsx";
import { RadioGroup } from "~/components/ui/Choices.tsx";
import { ErrorSummary } from "~/components/ui/ErrorSummary.tsx";
import { useT } from "~/features/i18n/i18n.ts";
import { meetingWhen } from "~/features/meetings/messages.server.ts";
import { askToRearrange, chooseTime, confirmMeeting, noneSuit, viewLink, type LinkView, type RespondResult } from "~/features/meetings/respond.server.ts";
import { consumeAttempt } from "~/features/security/rate-limit.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { requireLang } from "~/utils/http.server.ts";
import { titleFor } from "~/utils/meta.ts";
import { publicOrigin } from "~/utils/origin.server.ts";
import { readForm } from "~/utils/read-form.server.ts";
import { isUuid } from "~/utils/ids.ts";

export const meta: MetaFunction = ({ matches }) => [...titleFor(matches, "meetings.respond.respondTitle"), { name: "robots", content: "noindex" }];

// A used link answers 200: the page after a successful choice (which loads
// the link again, now used) must not answer 410. Using it again is refused by
// the action, with 410.
const STATUS = { invalid: 404, expired: 410, used: 200 } as const;

type View =
  | { ok: true; purpose: "CHOOSE"; reference: string; times: { id: string; label: string }[] }
  | { ok: true; purpose: "RESPOND"; reference: string; meeting: { label: string } | null }
  | { ok: false; problem: "invalid" | "expired" | "used" };

function present(view: LinkView, lang: "en" | "cy"): View {
  if (!view.ok) return view;
  const label = (time: { startsAt: string; mode: string; place: string | null }) =>
    `${meetingWhen(new Date(time.startsAt), lang)}: ${time.mode === "VIDEO" ? (lang === "cy" ? "drwy fideo" : "by video") : (time.place ?? (lang === "cy" ? "wyneb yn wyneb" : "in person"))}`;
  if (view.purpose === "CHOOSE") return { ...view, times: view.times.map((time) => ({ id: time.id, label: label(time) })) };
  return { ...view, meeting: view.meeting ? { label: label(view.meeting) } : null };
}

export async function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLang(params.lang);
  const view = present(await viewLink(getDb(), String(params.token ?? "")), lang);
  return data({ view }, { status: view.ok ? 200 : STATUS[view.problem] });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLang(params.lang);
  const token = String(params.token ?? "");
  const form = await readForm(request);
  if (!(await consumeAttempt("publicForm", context.clientAddress))) return data({ result: null, error: "auth.errors.tooMany" }, { status: 429 });
  const db = getDb();
  const origin = publicOrigin(request);
  let result: RespondResult;
  switch (form.get("intent")) {
    case "choose": {
      const slotId = String(form.get("slotId") ?? "");
      if (!isUuid(slotId)) return data({ result: null, error: "meetings.respond.chooseOne" }, { status: 400 });
      result = await chooseTime(db, token, slotId, origin);
      break;
    }
    case "none":
      result = await noneSuit(db, token, origin);
      break;
    case "confirm":
      result = await confirmMeeting(db, token);
      break;
    case "rearrange":
      result = await askToRearrange(db, token, origin);
      break;
    default:
      return data({ result: null, error: "meetings.respond.chooseOne" }, { status: 400 });
  }
  if (!result.ok) {
    const status = result.problem === "invalid" ? 404 : result.problem === "overlap" || result.problem === "slotGone" ? 409 : 410;
    return data({ result: null, error: `meetings.respond.problems.${result.problem}` }, { status });
  }
  return data({ result: { done: result.done, when: result.when ?? "" }, error: null, lang });
}

export default function Respond() {
  const t = useT();
  const { view } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  if (posted?.result) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <div className="govuk-panel govuk-panel--confirmation" data-testid="responded">
            <h1 className="govuk-panel__title">{t(`meetings.respond.done.${posted.result.done}`, { when: posted.result.when })}</h1>
          </div>
          <p className="govuk-body">{t(`meetings.respond.next.${posted.result.done}`)}</p>
        </div>
      </div>
    );
  }
  if (!view.ok) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{t(`meetings.respond.problems.${view.problem}`)}</h1>
          <p className="govuk-body">{t("meetings.respond.problemHelp")}</p>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {posted?.error ? <ErrorSummary errors={[{ name: "slotId", key: posted.error }]} /> : null}
        <span className="govuk-caption-l">{view.reference}</span>
        {view.purpose === "CHOOSE" ? (
          <>
            <h1 className="govuk-heading-l">{t("meetings.respond.chooseTitle")}</h1>
            <form method="post" noValidate>
              <RadioGroup name="slotId" label={t("meetings.respond.chooseLabel")} choices={view.times.map((time) => ({ value: time.id, label: time.label }))} />
              <Button name="intent" value="choose">{t("meetings.respond.choose")}</Button>
            </form>
            <form method="post">
              <p className="govuk-body">{t("meetings.respond.noneSuitText")}</p>
              <Button name="intent" value="none" variant="secondary">{t("meetings.respond.noneSuit")}</Button>
            </form>
          </>
        ) : (
          <>
            <h1 className="govuk-heading-l">{t("meetings.respond.respondTitle")}</h1>
            <p className="govuk-body" data-testid="meeting-when">{view.meeting?.label}</p>
            <form method="post">
              <Button name="intent" value="confirm">{t("meetings.respond.confirm")}</Button>{" "}
              <Button name="intent" value="rearrange" variant="secondary">{t("meetings.respond.rearrange")}</Button>
            </form>
          </>
        )}
        <p className="govuk-body">{t("meetings.respond.yourChoice")}</p>
      </div>
    </div>
  );
}
