// The fields of a meeting's time: GOV.UK's date input (day, month, year), a
// start time read as people write it ("2pm", "14:30"), a length in minutes,
// and where it is held. What was typed comes back after a refusal; a meeting
// being moved starts from its current time.
import { DateField } from "~/components/ui/DateField.tsx";
import { TextField } from "~/components/ui/TextField.tsx";
import { useT } from "~/features/i18n/i18n.ts";
import type { TypedTime } from "~/features/meetings/time.server.ts";

export function TimeFields({
  typed,
  error,
  field,
  defaults,
  roomLabel = "meetings.room",
  withRoom = true,
}: {
  typed?: Partial<TypedTime>;
  error?: string;
  /** The field the error is about: the date, the start time or the room. */
  field?: string;
  defaults?: Partial<TypedTime>;
  roomLabel?: string;
  /** Whether the room is asked for here (the published-times form asks after the format). */
  withRoom?: boolean;
}) {
  const t = useT();
  const value = (key: keyof TypedTime) => typed?.[key] ?? defaults?.[key];
  return (
    <>
      <DateField
        name="date"
        label={t("meetings.date")}
        defaultValue={{ day: value("day"), month: value("month"), year: value("year") }}
        error={field === "date" ? error : undefined}
      />
      <TextField
        name="start"
        label={t("meetings.start")}
        hint={t("meetings.startHint")}
        width="5"
        defaultValue={value("start")}
        error={field === "start" ? error : undefined}
      />
      <TextField name="length" label={t("meetings.length")} width="3" inputMode="numeric" defaultValue={value("length") ?? "60"} />
      {withRoom ? <TextField name="room" label={t(roomLabel)} width="20" defaultValue={value("room")} error={field === "room" ? error : undefined} /> : null}
    </>
  );
}
