// The forms of a meeting request's page: offer or book a time; for a booked
// meeting, move or cancel it with a reason, and record what happened at it. A
// refused form opens with what was typed and its error.
import { CsrfField } from "~/components/auth/SignedIn.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { CheckboxGroup, RadioGroup } from "~/components/ui/Choices.tsx";
import { TextArea, TextField } from "~/components/ui/TextField.tsx";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { localisePath } from "~/features/i18n/languages.ts";
import { OUTCOME_NOTE_MAX } from "~/features/meetings/schema.ts";
import { RelativeDay } from "~/components/ui/RelativeDay.tsx";
import type { RelativeDay as RelativeDayValue } from "~/features/dates/format.ts";
import { TimeFields } from "./TimeFields.tsx";
import { Disclosure, Row, type Posted } from "./RequestParts.tsx";

type Meeting = {
  id: string;
  when: string;
  relative: RelativeDayValue;
  mode: string;
  room: string | null;
  minutes: number;
  day: string;
  month: string;
  year: string;
  start: string;
};
type Outcome = {
  held: boolean;
  specialMeasures?: string | null;
  followUps?: string | null;
} | null;

export function BookedMeeting({
  meeting,
  canChange,
  move,
  cancel,
}: {
  meeting: Meeting;
  canChange: boolean;
  move?: Posted;
  cancel?: Posted;
}) {
  const t = useT();
  return (
    <>
      <h2 className="govuk-heading-m">{t("meetings.bookedHeading")}</h2>
      <p className="govuk-body" data-testid="meeting-when">
        {meeting.when} (
        {meeting.mode === "VIDEO"
          ? t("meetings.formatOptions.VIDEO")
          : meeting.room ?? t("meetings.formatOptions.IN_PERSON")}
        )
        <RelativeDay relative={meeting.relative} />
      </p>
      {canChange ? (
        <>
          <Disclosure title={t("meetings.moveHeading")} open={Boolean(move)}>
            <form method="post" noValidate>
              <CsrfField />
              <input type="hidden" name="meetingId" value={meeting.id} />
              <TimeFields
                typed={move?.typed}
                error={move?.error}
                field={move?.field}
                defaults={{
                  day: meeting.day,
                  month: meeting.month,
                  year: meeting.year,
                  start: meeting.start,
                  length: String(meeting.minutes),
                  room: meeting.room ?? "",
                }}
              />
              <TextField
                name="reason"
                label={t("meetings.reason")}
                defaultValue={move?.typed?.reason}
                error={move?.field === "reason" ? move?.error : undefined}
              />
              <Button name="intent" value="move">
                {t("meetings.move")}
              </Button>
            </form>
          </Disclosure>
          <Disclosure
            title={t("meetings.cancelHeading")}
            open={Boolean(cancel)}
          >
            <form method="post" noValidate>
              <CsrfField />
              <input type="hidden" name="meetingId" value={meeting.id} />
              <TextField
                name="reason"
                id="cancelReason"
                label={t("meetings.reason")}
                defaultValue={cancel?.typed?.cancelReason}
                error={cancel?.error}
              />
              <Button name="intent" value="cancel" variant="warning">
                {t("meetings.cancel")}
              </Button>
            </form>
          </Disclosure>
        </>
      ) : null}
    </>
  );
}

export function OutcomeSection({
  outcome,
  failed,
}: {
  outcome: Outcome;
  failed?: Posted;
}) {
  const t = useT();
  const outcomeError = (field: string) =>
    failed?.field === field ? failed?.error : undefined;
  return (
    <>
      <h2 className="govuk-heading-m">{t("meetings.outcomeHeading")}</h2>
      {outcome ? (
        <dl className="govuk-summary-list" data-testid="outcome">
          <Row label={t("meetings.held")}>
            {t(outcome.held ? "meetings.yes" : "meetings.no")}
          </Row>
          {outcome.specialMeasures ? (
            <Row label={t("meetings.specialMeasures")} pre>
              {outcome.specialMeasures}
            </Row>
          ) : null}
          {outcome.followUps ? (
            <Row label={t("meetings.followUps")} pre>
              {outcome.followUps}
            </Row>
          ) : null}
        </dl>
      ) : null}
      <form method="post" noValidate>
        <CsrfField />
        <RadioGroup
          name="held"
          label={t("meetings.held")}
          defaultValue={
            failed?.typed?.held ??
            (outcome ? (outcome.held ? "yes" : "no") : undefined)
          }
          error={outcomeError("held")}
          choices={[
            { value: "yes", label: t("meetings.yes") },
            { value: "no", label: t("meetings.no") },
          ]}
        />
        <TextArea
          name="specialMeasures"
          label={t("meetings.specialMeasures")}
          rows={3}
          maxLength={OUTCOME_NOTE_MAX}
          error={outcomeError("specialMeasures")}
          defaultValue={
            failed?.typed?.specialMeasures ?? outcome?.specialMeasures ?? ""
          }
        />
        <TextArea
          name="followUps"
          label={t("meetings.followUps")}
          rows={3}
          maxLength={OUTCOME_NOTE_MAX}
          error={outcomeError("followUps")}
          defaultValue={failed?.typed?.followUps ?? outcome?.followUps ?? ""}
        />
        <Button name="intent" value="outcome">
          {t("meetings.saveOutcome")}
        </Button>
      </form>
    </>
  );
}

type SlotChoice = { id: string; when: string; mode: string; location: string | null };

/**
 * Booking a request with no meeting yet: the times already offered, the VLO's
 * open times to offer (up to `maxProposed`) or book, and any other time typed.
 */
export function BookingForms({ proposed, openSlots, maxProposed, failed }: { proposed: SlotChoice[]; openSlots: SlotChoice[]; maxProposed: number; failed: (intent: string) => Posted | undefined }) {
  const t = useT();
  const lang = useLang();
  const slotLabel = (slot: SlotChoice) =>
    `${slot.when} (${slot.mode === "VIDEO" ? t("meetings.formatOptions.VIDEO") : (slot.location ?? t("meetings.formatOptions.IN_PERSON"))})`;
  return (
    <>
          {proposed.length ? (
            <>
              <h2 className="govuk-heading-m">{t("meetings.offeredHeading")}</h2>
              <ul className="govuk-list govuk-list--bullet" data-testid="proposed">
                {proposed.map((slot) => (
                  <li key={slot.id}>{slotLabel(slot)}</li>
                ))}
              </ul>
            </>
          ) : null}
          <h2 className="govuk-heading-m">{t("meetings.yourTimesHeading")}</h2>
          {openSlots.length || proposed.length ? (
            <>
              <form method="post" noValidate>
                <CsrfField />
                <CheckboxGroup
                  name="slotIds"
                  label={t("meetings.proposeLabel", { count: maxProposed })}
                  hint={t("meetings.proposeHint")}
                  error={failed("propose")?.error}
                  choices={openSlots.map((slot) => ({ value: slot.id, label: slotLabel(slot) }))}
                />
                <Button name="intent" value="propose">{t("meetings.propose")}</Button>
              </form>
              <form method="post" noValidate>
                <CsrfField />
                <RadioGroup
                  name="slotId"
                  label={t("meetings.bookSlotLabel")}
                  error={failed("book-slot")?.error}
                  choices={[...proposed, ...openSlots].map((slot) => ({ value: slot.id, label: slotLabel(slot) }))}
                />
                <Button name="intent" value="book-slot">{t("meetings.bookSlot")}</Button>
              </form>
            </>
          ) : (
            <p className="govuk-body">
              {t("meetings.noOpenSlots")}{" "}
              <a className="govuk-link" href={localisePath("/staff/meetings/slots", lang)}>{t("meetings.slotsTitle")}</a>
            </p>
          )}
          <form method="post" noValidate>
            <CsrfField />
            <h2 className="govuk-heading-m">{t("meetings.bookHeading")}</h2>
            <TimeFields typed={failed("book-time")?.typed} error={failed("book-time")?.error} field={failed("book-time")?.field} />
            <RadioGroup
              name="mode"
              label={t("meetings.mode")}
              defaultValue="IN_PERSON"
              choices={(["IN_PERSON", "VIDEO"] as const).map((mode) => ({ value: mode, label: t(`meetings.formatOptions.${mode}`) }))}
            />
            <Button name="intent" value="book-time">{t("meetings.book")}</Button>
          </form>
    </>
  );
}
