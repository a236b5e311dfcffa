// What the letter-making form does: preview the letter with the values typed,
// or e-mail it to an address the victim said is safe. Nothing typed is stored;
// each answer carries what was typed back to the form, whole.
import type { LetterTemplateVersion, User } from "~/generated/prisma/client.ts";
import { MailHeaderError } from "~/features/mail/outbox.server.ts";
import { consumeAttempt } from "~/features/security/rate-limit.server.ts";
import type { Db } from "~/utils/db.server.ts";
import { isLang } from "~/features/i18n/languages.ts";
import { isFilledByPortal } from "./deadlines.ts";
import { metaOf, renderVersion } from "./letters.server.ts";
import { areaLines, letterValues } from "./render-form.server.ts";
import { recordRender, sendLetter } from "./send.server.ts";
import { LetterRenderError, nestHeadings } from "./template-language.ts";

export type RenderPosted = {
  typed: Record<string, string>;
  filled: Record<string, string>;
  sendTo: string;
  lang: "en" | "cy";
  html?: string;
  sent?: boolean;
  error?: string;
  field?: string;
  problems?: string[];
};

const EMAIL = /^[^\s@<>,]+@[^\s@<>,]+\.[a-z]{2,}$/i;

export async function actOnRender(db: Db, staff: User, version: LetterTemplateVersion, form: FormData): Promise<{ posted: RenderPosted; status: number }> {
  const placeholders = metaOf(version).placeholders;
  // The Area's name, address and phone go into the letter in the letter's language.
  const area = staff.areaId ? await db.area.findUnique({ where: { id: staff.areaId } }) : null;
  const lang = isLang(form.get("language")) ? (form.get("language") as "en" | "cy") : "en";
  const values = letterValues(form, placeholders, area, lang);
  const sender = areaLines(area, lang);
  const sendTo = String(form.get("sendTo") ?? "").slice(0, 320);
  const answer = (extra: Partial<RenderPosted>, status = 200) => ({
    posted: {
      // What the portal filled in (the Area's name, deadlines), shown with the form.
      filled: Object.fromEntries(Object.keys(placeholders).filter(isFilledByPortal).map((key) => [key, String(values[key] ?? "")])),
      // Typed values by placeholder ("letter_date.day" for a date's boxes), to show again and to post with the PDF.
      typed: Object.fromEntries(
        [...form.entries()].filter(([key]) => key.startsWith("v.") && !isFilledByPortal(key.slice(2).split(".")[0]!)).map(([key, value]) => [key.slice(2), String(value)]),
      ),
      sendTo,
      lang,
      ...extra,
    },
    status,
  });
  try {
    if (form.get("intent") === "send") {
      const to = sendTo.trim().toLowerCase();
      if (!EMAIL.test(to)) return answer({ error: "letters.errors.email", field: "sendTo" }, 400);
      if (form.get("safe") !== "yes") return answer({ error: "letters.errors.safeEmail", field: "safe" }, 400);
      if (!(await consumeAttempt("querySend", staff.id))) return answer({ error: "auth.errors.tooMany", field: "sendTo" }, 429);
      await sendLetter(db, staff, version, values, lang, to, sender);
      return answer({ sent: true });
    }
    const letter = renderVersion(version, values, lang, sender);
    await recordRender(db, staff, version, String(values.reference ?? ""), "preview");
    return answer({ html: nestHeadings(letter.html, 2) });
  } catch (error) {
    if (error instanceof LetterRenderError) return answer({ error: "letters.errors.values", problems: error.problems.map((p) => p.message) }, 400);
    // The Area's name, which is in the subject, could not be a header (an encoded word, say).
    if (error instanceof MailHeaderError) return answer({ error: "letters.errors.values", field: "v.area_name" }, 400);
    throw error;
  }
}
