// The parts of a meeting request's page that only show what is known: how the
// victim may be contacted, their needs as an agenda, and what a change told whom.
import type { ReactNode } from "react";
import { useT } from "~/features/i18n/i18n.ts";
import type { Posted, Told } from "~/features/meetings/posted.ts";

export type { Posted, Told };

type Contact = {
  name: string;
  phone?: string;
  email?: string;
  times?: string;
  askFor?: string;
  isvaEmail?: string;
  urn?: string;
};
type Needs = {
  format: string;
  interpreter?: string;
  access?: string;
  supporter: boolean;
  topics: string[];
};
type RequestView = {
  plan: { emailVictim: boolean; prompt: string | null };
  safe: {
    email: boolean;
    phone: boolean;
    voicemail: boolean;
    text: boolean;
    onlyViaIsva: boolean;
  };
  contact: Contact;
  needs: Needs;
};

export function Row({
  label,
  pre,
  children,
}: {
  label: string;
  pre?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      {/* What someone typed is isolated, so right-to-left text cannot reorder what stands around it. */}
      <dd className={`govuk-summary-list__value${pre ? " app-mail-body" : ""}`}>
        <bdi>{children}</bdi>
      </dd>
    </div>
  );
}

/** GOV.UK details: a form kept out of the way until asked for, or open when it was refused. */
export function Disclosure({
  title,
  open,
  children,
}: {
  title: string;
  open: boolean;
  children: ReactNode;
}) {
  return (
    <details className="govuk-details" open={open}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{title}</span>
      </summary>
      <div className="govuk-details__text">{children}</div>
    </details>
  );
}

export function ToldBanner({ posted }: { posted: Posted }) {
  const t = useT();
  if (!posted.done) return null;
  const told = posted.told;
  return (
    <div
      className="govuk-notification-banner govuk-notification-banner--success"
      role="status"
      data-testid={posted.done}
    >
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">
          {t(`meetings.done.${posted.done}`, { when: told?.when ?? "" })}
        </p>
        {told?.times?.length ? (
          <ul className="govuk-list govuk-list--bullet">
            {told.times.map((time) => (
              <li key={time}>{time}</li>
            ))}
          </ul>
        ) : null}
        {told ? (
          <p className="govuk-body" data-testid="prompt">
            {told.emailedVictim
              ? t("meetings.emailed")
              : told.prompt === "phone"
              ? t("meetings.phoneNow", { phone: told.phone ?? "" })
              : t("meetings.doNotContact")}
            {told.emailedIsva ? ` ${t("meetings.isvaEmailed")}` : ""}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** Who the victim is to be called, how they may (and may not) be reached, and their needs as an agenda. */
export function ContactAndAgenda({ request }: { request: RequestView }) {
  const t = useT();
  const ways = (["email", "phone", "voicemail", "text"] as const)
    .filter((way) => request.safe[way])
    .map((way) => t(`meetings.channelOptions.${way}`));
  return (
    <>
      <h2 className="govuk-heading-m">{t("meetings.contactHeading")}</h2>
      {!request.plan.emailVictim ? (
        <div className="govuk-warning-text" data-testid="contact-warning">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            {request.plan.prompt === "isva"
              ? t("meetings.doNotContact")
              : t("meetings.doNotEmail")}
          </strong>
        </div>
      ) : null}
      <dl className="govuk-summary-list">
        <Row label={t("meetings.calledName")}>{request.contact.name}</Row>
        <Row label={t("meetings.safeWays")}>
          {request.safe.onlyViaIsva
            ? t("meetings.onlyViaIsvaLabel")
            : ways.join(", ")}
        </Row>
        {request.contact.phone ? (
          <Row label={t("meetings.phone")}>{request.contact.phone}</Row>
        ) : null}
        {request.safe.email && request.contact.email ? (
          <Row label={t("meetings.email")}>{request.contact.email}</Row>
        ) : null}
        {request.contact.times ? (
          <Row label={t("meetings.times")}>{request.contact.times}</Row>
        ) : null}
        {request.contact.askFor ? (
          <Row label={t("meetings.askFor")}>{request.contact.askFor}</Row>
        ) : null}
        {request.contact.isvaEmail ? (
          <Row label={t("meetings.isvaEmailLabel")}>
            {request.contact.isvaEmail}
          </Row>
        ) : null}
        {request.contact.urn ? (
          <Row label={t("meetings.urnLabel")}>{request.contact.urn}</Row>
        ) : null}
      </dl>
      <h2 className="govuk-heading-m">{t("meetings.agenda")}</h2>
      <ul className="govuk-list govuk-list--bullet" data-testid="agenda">
        <li>{t(`meetings.formatOptions.${request.needs.format}`)}</li>
        {request.needs.interpreter ? (
          <li>
            {t("meetings.interpreter")}: <bdi>{request.needs.interpreter}</bdi>
          </li>
        ) : null}
        {request.needs.access ? (
          <li>
            <bdi>{request.needs.access}</bdi>
          </li>
        ) : null}
        {request.needs.supporter ? (
          <li>{t("meetings.supporterLabel")}</li>
        ) : null}
        {request.needs.topics.map((topic) => (
          <li key={topic}>{t(`meetings.topicOptions.${topic}`)}</li>
        ))}
      </ul>
    </>
  );
}
