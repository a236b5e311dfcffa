// The only script public pages load (a few kilobytes): public pages are
// complete without it, and it adds what needs a browser: Exit this page's
// shortcut and overlay, glossary definitions in place, print buttons, and the
// offline cache. The glossary popover's code loads on first use.
import { enhanceExitThisPage } from "./exit-this-page.ts";

// GOV.UK styles that depend on scripts running.
document.body.classList.add("js-enabled", "govuk-frontend-supported");

document.querySelectorAll<HTMLElement>("[data-exit-this-page]").forEach(enhanceExitThisPage);

document.querySelectorAll<HTMLButtonElement>("button[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});

const glossaryData = document.getElementById("glossary-data");
if (glossaryData) {
  const data = JSON.parse(glossaryData.textContent ?? "{}") as TermData;
  document.querySelectorAll<HTMLAnchorElement>("a[data-term]").forEach((link) => {
    const term = data.terms[link.dataset.term ?? ""];
    if (!term) return;
    link.setAttribute("role", "button");
    link.setAttribute("aria-haspopup", "dialog");
    link.setAttribute("aria-expanded", "false");
    link.addEventListener("click", async (event) => {
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      const { openTermPopover } = await import("./term-popover.tsx");
      openTermPopover(link, { ...term, close: data.close, more: data.more, moreHref: link.href });
    });
    // Space activates a button; a link only reacts to Enter.
    link.addEventListener("keydown", (event) => {
      if (event.key === " ") {
        event.preventDefault();
        link.click();
      }
    });
  });
}

if (
  "serviceWorker" in navigator &&
  document.documentElement.dataset.offline === "on" &&
  !document.querySelector("[data-forget-offline]")
) {
  void navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {});
}

export type TermData = {
  terms: Record<string, { term: string; definition: string }>;
  close: string;
  more: string;
};

// GOV.UK's error summary takes focus when a page comes back with errors.
document.querySelector<HTMLElement>(".govuk-error-summary")?.focus();

// "Remove saved pages": the offline copy goes, and so does the worker that keeps it.
document.querySelectorAll<HTMLButtonElement>("button[data-forget-offline]").forEach((button) => {
  if (!("serviceWorker" in navigator) || !("caches" in window)) return;
  button.hidden = false;
  button.addEventListener("click", async () => {
    for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
    for (const name of await caches.keys()) if (name.startsWith("rasso-offline-")) await caches.delete(name);
    const status = button.parentElement?.querySelector('[role="status"]');
    if (status) status.textContent = button.dataset.done ?? "";
  });
});
