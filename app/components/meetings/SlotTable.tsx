// A VLO's published times, each with its state, the request it is offered to
// or booked for, and a button to withdraw it while it is still open.
import { CsrfField } from "~/components/auth/SignedIn.tsx";
import { Button } from "~/components/ui/Button.tsx";
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { localisePath } from "~/features/i18n/languages.ts";

export type ListedSlot = {
  id: string;
  when: string;
  minutes: number;
  mode: "IN_PERSON" | "VIDEO";
  location: string | null;
  status: string;
  reference: string | null;
};

export function SlotTable({ slots }: { slots: ListedSlot[] }) {
  const t = useT();
  const lang = useLang();
  return (
    <table className="govuk-table" data-testid="slots">
      <caption className="govuk-table__caption govuk-table__caption--m">{t("meetings.yourSlots")}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">{t("meetings.when")}</th>
          <th scope="col" className="govuk-table__header">{t("meetings.length")}</th>
          <th scope="col" className="govuk-table__header">{t("meetings.where")}</th>
          <th scope="col" className="govuk-table__header">{t("meetings.status")}</th>
          <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">{t("meetings.withdraw")}</span></th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {slots.map((slot) => (
          <tr key={slot.id} className="govuk-table__row">
            <td className="govuk-table__cell">{slot.when}</td>
            <td className="govuk-table__cell">{slot.minutes}</td>
            <td className="govuk-table__cell">{slot.mode === "VIDEO" ? t("meetings.formatOptions.VIDEO") : (slot.location ?? t("meetings.formatOptions.IN_PERSON"))}</td>
            <td className="govuk-table__cell">
              {t(`meetings.slotStatuses.${slot.status}`)}
              {slot.reference ? (
                <>
                  {" "}
                  <a className="govuk-link" href={localisePath(`/staff/meetings/${slot.reference}`, lang)}>{slot.reference}</a>
                </>
              ) : null}
            </td>
            <td className="govuk-table__cell">
              {slot.status === "OPEN" ? (
                <form method="post">
                  <CsrfField />
                  <input type="hidden" name="slotId" value={slot.id} />
                  <Button name="intent" value="withdraw" variant="secondary">
                    {t("meetings.withdraw")}
                    <span className="govuk-visually-hidden"> {slot.when}</span>
                  </Button>
                </form>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
