// A letter made for a case: previewed, downloaded as a PDF, or sent to an
// address the victim has said is safe. Only the fact is audited (template,
// version, reference), never the values or the letter.
import { audit } from "~/features/audit/audit.server.ts";
import { renderPdf, type PdfSection } from "~/features/booklet/pdf.server.ts";
import type { Body } from "~/features/content/markup.ts";
import type { Lang } from "~/features/i18n/languages.ts";
import { queueMail } from "~/features/mail/outbox.server.ts";
import type { LetterTemplateVersion, User } from "~/generated/prisma/client.ts";
import type { Db } from "~/utils/db.server.ts";
import { renderVersion } from "./letters.server.ts";

const WORDS = {
  en: { page: "Page", of: "of", end: "End of letter", reference: "Our reference", subject: "A letter from", file: "letter.pdf" },
  cy: { page: "Tudalen", of: "o", end: "Diwedd y llythyr", reference: "Ein cyfeirnod", subject: "Llythyr gan", file: "llythyr.pdf" },
};

// Values are typed by staff; the PDF renderer reads [text](link) and **bold**
// in strings, so those characters are made literal here.
const literal = (text: string) => text.replace(/\[/g, "［").replace(/\*\*/g, "∗∗");

export async function letterPdf(version: LetterTemplateVersion, values: Record<string, unknown>, lang: Lang, areaLines: readonly string[] = []) {
  const letter = renderVersion(version, values, lang, areaLines);
  const sections: PdfSection[] = [];
  let current: PdfSection = { heading: "", body: [] };
  for (const block of letter.blocks) {
    if (block.type === "heading") {
      if (current.heading || current.body.length) sections.push(current);
      current = { heading: block.text, body: [] };
    } else {
      current.body.push((block.type === "list" ? { list: block.items.map(literal) } : literal(block.text)) as Body[number]);
    }
  }
  sections.push(current);
  const words = WORDS[lang];
  return renderPdf({
    lang,
    title: letter.heading,
    parts: [{ heading: literal(letter.heading), sections }],
    letterhead: [...letter.top.senderBlock, `${words.reference}: ${letter.top.reference}`, letter.top.dateText],
    endNote: words.end,
    footerLabel: words.page,
    footerOf: words.of,
  });
}

export async function recordRender(db: Db, staff: User, version: LetterTemplateVersion, reference: string, how: "preview" | "pdf") {
  await audit(db, {
    actorId: staff.id,
    action: "letter.rendered",
    targetType: "letter",
    targetId: `${version.templateId}#${version.number}`,
    areaId: staff.areaId,
    detail: { how, reference: reference.slice(0, 40) },
  });
}

/** Queues the letter (text and PDF) to a safe address, in one transaction with its audit event. */
export async function sendLetter(db: Db, staff: User, version: LetterTemplateVersion, values: Record<string, unknown>, lang: Lang, to: string, areaLines: readonly string[] = []) {
  const letter = renderVersion(version, values, lang, areaLines);
  const pdf = await letterPdf(version, values, lang, areaLines);
  await db.$transaction(async (tx) => {
    // The subject and file name say nothing about the case: they show on lock
    // screens and in mail lists, and the subject outlives the message. The
    // Area's name is the one the letter shows: one line, no control characters.
    const words = WORDS[lang];
    await queueMail(tx, {
      to,
      subject: `${words.subject} ${(letter.top.senderBlock[1] ?? "").slice(0, 80)}`.trim(),
      text: letter.text,
      html: letter.html,
      attachments: [{ filename: words.file, contentType: "application/pdf", content: pdf }],
    });
    await audit(tx, {
      actorId: staff.id,
      action: "letter.sent",
      targetType: "letter",
      targetId: `${version.templateId}#${version.number}`,
      areaId: staff.areaId,
      detail: { reference: String(values.reference ?? "").slice(0, 40) },
    });
  });
}
