// GOV.UK's success notification banner: what just happened, announced politely.
import type { ReactNode } from "react";

export function SuccessBanner({ heading, children }: { heading: string; children?: ReactNode }) {
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="status">
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{heading}</p>
        {children}
      </div>
    </div>
  );
}
