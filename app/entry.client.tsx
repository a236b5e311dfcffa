import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { provideStrings } from "~/features/i18n/i18n.ts";
import cyCommon from "../locales/cy/common.json";
import enCommon from "../locales/en/common.json";

// The interface strings come with the script, which the browser keeps, rather
// than in every page's data.
provideStrings("en", enCommon);
provideStrings("cy", cyCommon);

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});
