// "Exit this page", after GOV.UK's component. Rendered as a plain link, which
// works with JavaScript off; app/enhance/exit-this-page.ts adds the blank
// overlay, the Shift ×3 shortcut and the screen-reader announcements, and
// leaves with location.replace so the Back button does not return here.
import { useT } from "~/features/i18n/i18n.ts";

export const EXIT_URL = "https://www.bbc.co.uk/weather";

export function ExitThisPage() {
  const t = useT();
  return (
    <div
      className="govuk-exit-this-page app-exit-this-page"
      data-exit-this-page=""
      data-activated={t("exitThisPage.activated")}
      data-timed-out={t("exitThisPage.timedOut")}
      data-press-two-more-times={t("exitThisPage.pressTwoMoreTimes")}
      data-press-one-more-time={t("exitThisPage.pressOneMoreTime")}
    >
      <a
        href={EXIT_URL}
        role="button"
        draggable="false"
        className="govuk-button govuk-button--warning govuk-exit-this-page__button"
        rel="nofollow noreferrer"
        data-testid="exit-this-page"
      >
        {t("exitThisPage.button")}
      </a>
      <div className="govuk-visually-hidden" aria-live="polite" role="status" data-testid="exit-announcement" />
    </div>
  );
}
