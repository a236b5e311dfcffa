// The whole walkthrough as a PDF booklet, made from the same content as the
// pages so the two cannot drift apart.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderWalkthroughBooklet } from "~/features/booklet/walkthrough-booklet.server.ts";
import { PUBLIC_CACHE_CONTROL, requireLang } from "~/utils/http.server.ts";

export async function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLang(params.lang);
  const pdf = await renderWalkthroughBooklet(lang);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${lang === "cy" ? "beth-sy-n-digwydd-nesaf" : "what-happens-next"}.pdf"`,
      "Content-Length": String(pdf.length),
      "Cache-Control": PUBLIC_CACHE_CONTROL,
    },
  });
}
