// The questions of a meeting request, shared by the victim's own form, the
// ISVA's form and the VLO's record of a phone call. How the victim may be
// contacted comes first. `behalf` words the questions about the victim rather
// than to them, and asks for the police URN, which professionals have.
import { CheckboxGroup, RadioGroup } from "~/components/ui/Choices.tsx";
import { Select } from "~/components/ui/Select.tsx";
import { TextArea, TextField } from "~/components/ui/TextField.tsx";
import { useT } from "~/features/i18n/i18n.ts";
import { ACCESS_MAX, CHANNELS, FORMATS, TOPICS } from "~/features/meetings/schema.ts";

type Option = { value: string; label: string };

/** Every field that can be refused, in the order the form asks them. */
export const REQUEST_FIELDS = ["name", "channels", "email", "phone", "times", "askFor", "isvaEmail", "urn", "forceId", "boroughId", "offenceAreaId", "format", "access", "interpreter"] as const;

export function RequestFields({
  choices,
  errors,
  typed,
  behalf = false,
  askIsvaEmail = true,
}: {
  choices: { forces: Option[]; boroughs: Option[]; areas: Option[] };
  errors: Record<string, string[] | null | undefined>;
  typed?: Record<string, string[]>;
  behalf?: boolean;
  askIsvaEmail?: boolean;
}) {
  const t = useT();
  const say = (key: string) => t(behalf ? `meetings.behalf.${key}` : `meetings.${key}`);
  const one = (name: string) => typed?.[name]?.[0] ?? "";
  const many = (name: string) => typed?.[name] ?? [];
  const error = (name: string) => errors[name] ?? undefined;
  return (
    <>
      <TextField name="name" label={say("name")} hint={say("nameHint")} autoComplete="off" spellCheck={false} defaultValue={one("name")} error={error("name")} />
      <CheckboxGroup
        name="channels"
        label={say("channels")}
        hint={say("channelsHint")}
        defaultValue={many("channels")}
        error={error("channels")}
        choices={CHANNELS.map((channel) => ({ value: channel, label: t(`meetings.channelOptions.${channel}`) }))}
      />
      <TextField name="email" label={t("meetings.email")} type="email" autoComplete="off" spellCheck={false} defaultValue={one("email")} error={error("email")} />
      <TextField name="phone" label={t("meetings.phone")} type="tel" autoComplete="off" defaultValue={one("phone")} error={error("phone")} />
      <TextField name="times" label={say("times")} autoComplete="off" defaultValue={one("times")} error={error("times")} />
      <TextField name="askFor" label={t("meetings.askFor")} autoComplete="off" defaultValue={one("askFor")} error={error("askFor")} />
      <CheckboxGroup name="onlyViaIsva" label={t("meetings.onlyViaIsva")} defaultValue={many("onlyViaIsva")} choices={[{ value: "yes", label: say("onlyViaIsvaLabel") }]} />
      {askIsvaEmail ? (
        <TextField name="isvaEmail" label={say("isvaEmail")} type="email" autoComplete="off" spellCheck={false} defaultValue={one("isvaEmail")} error={error("isvaEmail")} />
      ) : null}
      {behalf ? (
        <TextField name="urn" label={t("meetings.urn")} hint={t("meetings.urnHint")} autoComplete="off" spellCheck={false} defaultValue={one("urn")} error={error("urn")} />
      ) : null}
      <Select name="forceId" label={say("force")} placeholder={t("forms.chooseOne")} options={choices.forces} defaultValue={one("forceId")} error={error("forceId")} />
      <Select name="boroughId" label={say("borough")} hint={t("meetings.boroughHint")} placeholder={t("forms.chooseOne")} options={choices.boroughs} defaultValue={one("boroughId")} error={error("boroughId")} />
      <Select
        name="offenceAreaId"
        label={say("offenceArea")}
        hint={t("meetings.offenceAreaHint")}
        placeholder={t("forms.chooseOne")}
        options={choices.areas}
        defaultValue={one("offenceAreaId")}
        error={error("offenceAreaId")}
      />
      <RadioGroup
        name="format"
        label={say("format")}
        defaultValue={one("format")}
        error={error("format")}
        choices={FORMATS.map((format) => ({ value: format, label: t(`meetings.formatOptions.${format}`) }))}
      />
      <TextArea name="access" label={say("access")} rows={3} maxLength={ACCESS_MAX} defaultValue={one("access")} error={error("access")} />
      <TextField name="interpreter" label={say("interpreter")} autoComplete="off" defaultValue={one("interpreter")} error={error("interpreter")} />
      <CheckboxGroup name="supporter" label={t("meetings.supporter")} defaultValue={many("supporter")} choices={[{ value: "yes", label: say("supporterLabel") }]} />
      <CheckboxGroup
        name="topics"
        label={say("topics")}
        defaultValue={many("topics")}
        choices={TOPICS.map((topic) => ({ value: topic, label: t(`meetings.topicOptions.${topic}`) }))}
      />
    </>
  );
}

/** The language the victim's messages and invite are written in, for a request made for them. */
export function LanguageChoice({ typed }: { typed?: Record<string, string[]> }) {
  const t = useT();
  return (
    <RadioGroup
      name="language"
      label={t("meetings.behalf.language")}
      defaultValue={typed?.language?.[0] ?? "en"}
      choices={(["en", "cy"] as const).map((code) => ({ value: code, label: t(`meetings.languages.${code}`) }))}
    />
  );
}
