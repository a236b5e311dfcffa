// "Exit this page", after GOV.UK's component: a red button that leaves at once
// for a neutral site, a blank overlay that hides the page immediately, and the
// Shift key pressed 3 times (within 5 seconds) as a shortcut, with progress
// announced to screen readers. It navigates with location.replace so that the
// Back button does not return here. Without JavaScript it is a plain link.
import { useEffect, useRef, useState } from "react";
import { useT } from "~/features/i18n/i18n.ts";

export const EXIT_URL = "https://www.bbc.co.uk/weather";
const PRESSES = 3;
const TIMEOUT_MS = 5000;

export function ExitThisPage() {
  const t = useT();
  const buttonRef = useRef<HTMLAnchorElement>(null);
  const [presses, setPresses] = useState(0);
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => {
    let count = 0;
    let resetTimer: number | undefined;
    let expiredTimer: number | undefined;

    let overlay: HTMLDivElement | undefined;

    function exit() {
      // Straight into the DOM, not through a React render: the page must be
      // hidden in this very frame.
      overlay = document.createElement("div");
      overlay.className = "govuk-exit-this-page-overlay";
      overlay.dataset.testid = "exit-overlay";
      overlay.textContent = t("exitThisPage.activated");
      document.body.appendChild(overlay);
      setAnnouncement(t("exitThisPage.activated"));
      window.location.replace(buttonRef.current?.href ?? EXIT_URL);
    }

    function reset() {
      count = 0;
      setPresses(0);
      window.clearTimeout(resetTimer);
    }

    function onKeyUp(event: KeyboardEvent) {
      if (event.key !== "Shift" && event.code !== "ShiftLeft" && event.code !== "ShiftRight") {
        reset();
        return;
      }
      count += 1;
      setPresses(count);
      window.clearTimeout(resetTimer);
      window.clearTimeout(expiredTimer);
      if (count >= PRESSES) {
        exit();
        return;
      }
      setAnnouncement(t(count === 1 ? "exitThisPage.pressTwoMoreTimes" : "exitThisPage.pressOneMoreTime"));
      resetTimer = window.setTimeout(() => {
        reset();
        setAnnouncement(t("exitThisPage.timedOut"));
        expiredTimer = window.setTimeout(() => setAnnouncement(""), TIMEOUT_MS);
      }, TIMEOUT_MS);
    }

    // Coming back through the browser's cache must not show a blank page.
    function onPageShow() {
      overlay?.remove();
      overlay = undefined;
      setAnnouncement("");
      reset();
    }

    function onClick(event: MouseEvent) {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      exit();
    }

    const button = buttonRef.current;
    document.addEventListener("keyup", onKeyUp, true);
    window.addEventListener("pageshow", onPageShow);
    button?.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("keyup", onKeyUp, true);
      window.removeEventListener("pageshow", onPageShow);
      button?.removeEventListener("click", onClick);
      window.clearTimeout(resetTimer);
      window.clearTimeout(expiredTimer);
    };
  }, [t]);

  return (
    <div className="govuk-exit-this-page app-exit-this-page">
      <a
        ref={buttonRef}
        href={EXIT_URL}
        role="button"
        draggable="false"
        className="govuk-button govuk-button--warning govuk-exit-this-page__button"
        rel="nofollow noreferrer"
        data-testid="exit-this-page"
      >
        {t("exitThisPage.button")}
        <span
          className={`govuk-exit-this-page__indicator${presses > 0 ? " govuk-exit-this-page__indicator--visible" : ""}`}
          aria-hidden="true"
        >
          {Array.from({ length: PRESSES }, (_, i) => (
            <span
              key={i}
              className={`govuk-exit-this-page__indicator-light${i < presses ? " govuk-exit-this-page__indicator-light--on" : ""}`}
            />
          ))}
        </span>
      </a>
      <div className="govuk-visually-hidden" aria-live="polite" role="status" data-testid="exit-announcement">
        {announcement}
      </div>
    </div>
  );
}
