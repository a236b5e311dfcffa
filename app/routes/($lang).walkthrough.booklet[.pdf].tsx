// The whole walkthrough as a PDF booklet, made from the same content as the
// pages (and the same support services) so the two cannot drift apart.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderWalkthroughBooklet } from "~/features/booklet/walkthrough-booklet.server.ts";
import { servicesByGroup } from "~/features/support/services.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { FRESH_PUBLIC_CACHE_CONTROL, requireLang } from "~/utils/http.server.ts";

export async function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLang(params.lang);
  const pdf = await renderWalkthroughBooklet(lang, await servicesByGroup(getDb(), lang));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${lang === "cy" ? "beth-sy-n-digwydd-nesaf" : "what-happens-next"}.pdf"`,
      "Content-Length": String(pdf.length),
      // An administrator may change the services: a repeat download asks again.
      "Cache-Control": FRESH_PUBLIC_CACHE_CONTROL,
    },
  });
}
