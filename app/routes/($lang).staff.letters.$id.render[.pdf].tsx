// The letter for a case as a PDF download (a resource route: the render
// form's "Download as PDF" button posts here). Values that no longer make the
// letter (a new version approved since the preview, say) send the user back
// to the render page, which says so in the page's language; nothing typed goes
// in the address. A post refused (a forged or stale form token, a letter that
// does not exist) gets the portal's refusal page in the page's language, not
// bare text: a file's route has no error page of its own.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requireCsrf, requireRole, requireUser } from "~/features/auth/guards.server.ts";
import { isLang, localisePath } from "~/features/i18n/languages.ts";
import { requireTemplateId } from "~/features/letters/access.server.ts";
import { approvedVersion, metaOf } from "~/features/letters/letters.server.ts";
import { areaLines, letterFileName, letterValues } from "~/features/letters/render-form.server.ts";
import { letterPdf, recordRender } from "~/features/letters/send.server.ts";
import { LetterRenderError } from "~/features/letters/template-language.ts";
import { refusalPage } from "~/server/refusal-page.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { readForm } from "~/utils/read-form.server.ts";

const ANSWERED_WITH_A_PAGE = new Set([400, 403, 404, 415]);

export async function action(args: ActionFunctionArgs) {
  try {
    return await letterAsPdf(args);
  } catch (error) {
    if (!(error instanceof Response) || !ANSWERED_WITH_A_PAGE.has(error.status)) throw error;
    const status = error.status as 400 | 403 | 404 | 415;
    return new Response(refusalPage(status, new URL(args.request.url).pathname), {
      status,
      headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
}

async function letterAsPdf({ request, params }: ActionFunctionArgs) {
  const session = requireRole(await requireUser(request), "AREA_STAFF", "VLO");
  const form = await readForm(request);
  requireCsrf(session, form);
  const version = await approvedVersion(getDb(), requireTemplateId(params.id));
  if (!version) throw new Response("Not found", { status: 404 });
  const lang = isLang(form.get("language")) ? (form.get("language") as "en" | "cy") : "en";
  const area = session.user.areaId ? await getDb().area.findUnique({ where: { id: session.user.areaId } }) : null;
  const values = letterValues(form, metaOf(version).placeholders, area, lang);
  try {
    const pdf = await letterPdf(version, values, lang, areaLines(area, lang));
    await recordRender(getDb(), session.user, version, String(values.reference ?? ""), "pdf");
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${letterFileName(version.templateId, { en: version.nameEn, cy: version.nameCy }, lang)}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof LetterRenderError) {
      const pageLang = isLang(params.lang) ? params.lang : "en";
      return redirect(localisePath(`/staff/letters/${version.templateId}/render?problem=pdf`, pageLang), 303);
    }
    throw error;
  }
}
