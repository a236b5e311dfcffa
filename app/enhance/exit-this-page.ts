// Exit this page, as GOV.UK's component behaves: the button (or the Shift key
// pressed 3 times within 5 seconds) covers the page with a blank overlay at
// once and leaves for a neutral site. Progress is announced to screen readers.
// location.replace keeps the Back button from returning here.
const PRESSES = 3;
const TIMEOUT_MS = 5000;

export function enhanceExitThisPage(root: HTMLElement) {
  const button = root.querySelector<HTMLAnchorElement>("a.govuk-exit-this-page__button");
  const status = root.querySelector<HTMLElement>('[role="status"]');
  if (!button || !status) return;
  const text = (key: string) => root.dataset[key] ?? "";

  const indicator = document.createElement("span");
  indicator.className = "govuk-exit-this-page__indicator";
  indicator.setAttribute("aria-hidden", "true");
  const lights = Array.from({ length: PRESSES }, () => {
    const light = document.createElement("span");
    light.className = "govuk-exit-this-page__indicator-light";
    indicator.append(light);
    return light;
  });
  button.append(indicator);

  let count = 0;
  let resetTimer: number | undefined;
  let clearTimer: number | undefined;
  let overlay: HTMLElement | undefined;

  function show(presses: number) {
    indicator.classList.toggle("govuk-exit-this-page__indicator--visible", presses > 0);
    lights.forEach((light, i) => light.classList.toggle("govuk-exit-this-page__indicator-light--on", i < presses));
  }

  function reset() {
    count = 0;
    show(0);
    window.clearTimeout(resetTimer);
  }

  function exit() {
    overlay = document.createElement("div");
    overlay.className = "govuk-exit-this-page-overlay";
    overlay.dataset.testid = "exit-overlay";
    overlay.textContent = text("activated");
    document.body.append(overlay);
    status!.textContent = text("activated");
    window.location.replace(button!.href);
  }

  button.addEventListener("click", (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    exit();
  });

  document.addEventListener(
    "keyup",
    (event) => {
      if (event.key !== "Shift") {
        reset();
        return;
      }
      count += 1;
      show(count);
      window.clearTimeout(resetTimer);
      window.clearTimeout(clearTimer);
      if (count >= PRESSES) {
        exit();
        return;
      }
      status.textContent = text(count === 1 ? "pressTwoMoreTimes" : "pressOneMoreTime");
      resetTimer = window.setTimeout(() => {
        reset();
        status.textContent = text("timedOut");
        clearTimer = window.setTimeout(() => (status.textContent = ""), TIMEOUT_MS);
      }, TIMEOUT_MS);
    },
    true,
  );

  // Coming back through the browser's page cache must not show a blank page.
  window.addEventListener("pageshow", () => {
    overlay?.remove();
    overlay = undefined;
    status.textContent = "";
    reset();
  });
}
