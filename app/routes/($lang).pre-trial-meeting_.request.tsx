// A victim asks for a pre-trial meeting: no account, no cookie. How they may
// be contacted comes first, and is obeyed by every later message.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/ui/Button.tsx";
import { CheckboxGroup, RadioGroup } from "~/components/ui/Choices.tsx";
import { ErrorSummary, summaryErrors } from "~/components/ui/ErrorSummary.tsx";
import { Select } from "~/components/ui/Select.tsx";
import { TextArea, TextField } from "~/components/ui/TextField.tsx";
import { useT } from "~/features/i18n/i18n.ts";
import { langFromPath } from "~/features/i18n/languages.ts";
import { createMeetingRequest } from "~/features/meetings/requests.server.ts";
import { CHANNELS, FORMATS, meetingRequestSchema, TOPICS } from "~/features/meetings/schema.ts";
import { formChoices } from "~/features/queries/form.server.ts";
import { loadReferenceData } from "~/features/routing/reference.server.ts";
import { routeToArea } from "~/features/routing/route.ts";
import { consumeAttempt } from "~/features/security/rate-limit.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { parseWithZod } from "~/utils/forms.ts";
import { publicHeaders, requireLang } from "~/utils/http.server.ts";
import { titleMeta } from "~/utils/meta.ts";
import { publicOrigin } from "~/utils/origin.server.ts";

export const headers = publicHeaders;
export const meta: MetaFunction = ({ matches }) => titleMeta(matches, undefined);

const FIELDS = ["name", "channels", "email", "phone", "forceId", "boroughId", "format"] as const;

export async function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLang(params.lang);
  const choices = formChoices(await loadReferenceData(getDb()), lang);
  return { choices: { forces: choices.forces, boroughs: choices.boroughs } };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLang(params.lang);
  const form = await request.formData();
  const typed = Object.fromEntries([...form.keys()].map((key) => [key, form.getAll(key).map(String)]));
  const noStore = { "Cache-Control": "no-store" };
  const submission = parseWithZod(form, { schema: meetingRequestSchema });
  if (submission.status !== "success") return data({ errors: submission.error ?? {}, typed }, { status: 400, headers: noStore });
  const routed = routeToArea({ forceId: submission.value.forceId, boroughId: submission.value.boroughId }, await loadReferenceData(getDb()));
  if (routed.kind !== "routed") {
    const field = routed.kind === "needs" && routed.field === "borough" ? "boroughId" : "forceId";
    return data({ errors: { [field]: [field === "boroughId" ? "meetings.errors.borough" : "meetings.errors.force"] }, typed }, { status: 400, headers: noStore });
  }
  if (!(await consumeAttempt("publicForm", context.clientAddress))) {
    return data({ errors: { name: ["auth.errors.tooMany"] }, typed }, { status: 429, headers: noStore });
  }
  const sent = await createMeetingRequest(getDb(), submission.value, routed.areaId, langFromPath(new URL(request.url).pathname) ?? lang, publicOrigin(request));
  return data({ sent: { reference: sent.reference, area: sent.area[lang] } }, { headers: noStore });
}

type Posted = { errors?: Record<string, string[] | null>; typed?: Record<string, string[]>; sent?: { reference: string; area: string } };

export default function MeetingRequest() {
  const t = useT();
  const { choices } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>() as Posted | undefined;
  if (posted?.sent) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <div className="govuk-panel govuk-panel--confirmation" data-testid="meeting-sent">
            <h1 className="govuk-panel__title">{t("meetings.sentTitle")}</h1>
            <div className="govuk-panel__body">
              {t("meetings.sentReference")}
              <br />
              <strong>{posted.sent.reference}</strong>
            </div>
          </div>
          <p className="govuk-body">{t("meetings.sentBody")}</p>
        </div>
      </div>
    );
  }
  const errors = posted?.errors ?? {};
  const one = (name: string) => posted?.typed?.[name]?.[0] ?? "";
  const many = (name: string) => posted?.typed?.[name] ?? [];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summaryErrors(errors as Record<string, string[] | null>, [...FIELDS])} />
        <h1 className="govuk-heading-l">{t("meetings.formTitle")}</h1>
        <p className="govuk-body">{t("meetings.formIntro")}</p>
        <form method="post" noValidate>
          <TextField name="name" label={t("meetings.name")} hint={t("meetings.nameHint")} autoComplete="off" spellCheck={false} defaultValue={one("name")} error={errors.name ?? undefined} />
          <CheckboxGroup
            name="channels"
            label={t("meetings.channels")}
            hint={t("meetings.channelsHint")}
            defaultValue={many("channels")}
            error={errors.channels ?? undefined}
            choices={CHANNELS.map((channel) => ({ value: channel, label: t(`meetings.channelOptions.${channel}`) }))}
          />
          <TextField name="email" label={t("meetings.email")} type="email" autoComplete="off" spellCheck={false} defaultValue={one("email")} error={errors.email ?? undefined} />
          <TextField name="phone" label={t("meetings.phone")} type="tel" autoComplete="off" defaultValue={one("phone")} error={errors.phone ?? undefined} />
          <TextField name="times" label={t("meetings.times")} autoComplete="off" defaultValue={one("times")} />
          <TextField name="askFor" label={t("meetings.askFor")} autoComplete="off" defaultValue={one("askFor")} />
          <CheckboxGroup name="onlyViaIsva" label={t("meetings.onlyViaIsva")} defaultValue={many("onlyViaIsva")} choices={[{ value: "yes", label: t("meetings.onlyViaIsvaLabel") }]} />
          <TextField name="isvaEmail" label={t("meetings.isvaEmail")} type="email" autoComplete="off" spellCheck={false} defaultValue={one("isvaEmail")} />
          <Select name="forceId" label={t("meetings.force")} placeholder="" options={choices.forces} defaultValue={one("forceId")} error={errors.forceId ?? undefined} />
          <Select name="boroughId" label={t("meetings.borough")} hint={t("meetings.boroughHint")} placeholder="" options={choices.boroughs} defaultValue={one("boroughId")} error={errors.boroughId ?? undefined} />
          <RadioGroup
            name="format"
            label={t("meetings.format")}
            defaultValue={one("format")}
            error={errors.format ?? undefined}
            choices={FORMATS.map((format) => ({ value: format, label: t(`meetings.formatOptions.${format}`) }))}
          />
          <TextArea name="access" label={t("meetings.access")} rows={3} defaultValue={one("access")} />
          <TextField name="interpreter" label={t("meetings.interpreter")} autoComplete="off" defaultValue={one("interpreter")} />
          <CheckboxGroup name="supporter" label={t("meetings.supporter")} defaultValue={many("supporter")} choices={[{ value: "yes", label: t("meetings.supporterLabel") }]} />
          <CheckboxGroup
            name="topics"
            label={t("meetings.topics")}
            defaultValue={many("topics")}
            choices={TOPICS.map((topic) => ({ value: topic, label: t(`meetings.topicOptions.${topic}`) }))}
          />
          <Button>{t("meetings.send")}</Button>
        </form>
      </div>
    </div>
  );
}
