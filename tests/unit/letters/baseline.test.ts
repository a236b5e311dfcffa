// The reviewed baseline letters in templates/letters: valid, in both
// languages, rendering every example to HTML, text and PDF, and plain enough.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { plainEnglishChecks } from "~/features/letters/plain-english.ts";
import { letterPdf } from "~/features/letters/send.server.ts";
import { checkTemplate, letterTop, renderLetter, toHtml, type LetterMeta } from "~/features/letters/template-language.ts";
import type { LetterTemplateVersion } from "~/generated/prisma/client.ts";
import { normalise, pdfText } from "../../setup/pdf-text.ts";

const DIR = path.resolve(import.meta.dirname, "../../../templates/letters");
const LETTERS = fs.readdirSync(DIR).filter((id) => fs.existsSync(path.join(DIR, id, "meta.json")));

function load(id: string) {
  const read = (file: string) => fs.readFileSync(path.join(DIR, id, file), "utf8");
  return { meta: JSON.parse(read("meta.json")) as LetterMeta, en: read("en.txt"), cy: read("cy.txt") };
}

describe("the baseline letters", () => {
  it("include every letter the action plan asks for", () => {
    expect(LETTERS.sort()).toEqual(
      [
        "appeal-lodged", "charges-changed", "decision-not-to-charge", "giving-evidence", "hearing-changed",
        "left-on-file", "offer-no-evidence", "outcome-and-sentence", "point-of-charge",
        "pre-trial-meeting-confirmation", "pre-trial-meeting-offer", "trial-date",
      ].sort(),
    );
  });

  describe.each(LETTERS)("%s", (id) => {
    const { meta, en, cy } = load(id);

    it("is valid in both languages, with examples that fit", () => {
      expect(checkTemplate(meta, { en, cy }).map((p) => p.message)).toEqual([]);
      expect(meta.examples.length).toBeGreaterThanOrEqual(1);
    });

    it("never puts a date straight after \"ar\" in Welsh, which would need \"ar ddydd\"", () => {
      const dates = Object.entries(meta.placeholders).filter(([, spec]) => spec.type === "date").map(([name]) => name);
      const mutating = dates.filter((name) => new RegExp(`\\bar:?\\s+\\(\\(${name}\\)\\)`, "i").test(cy));
      expect(mutating).toEqual([]);
    });

    it("passes the plain-English and care checks", () => {
      const failing = plainEnglishChecks({ en, cy }).filter((check) => !check.ok);
      expect(failing).toEqual([]);
    });

    it("renders every example in English and Welsh, with all values escaped", () => {
      for (const example of meta.examples) {
        for (const lang of ["en", "cy"] as const) {
          const rendered = renderLetter(meta, lang === "en" ? en : cy, example, lang);
          const html = toHtml(rendered, { ...letterTop(meta, example, lang), lang });
          expect(html).toContain("<h1>");
          expect(html).not.toContain("((");
        }
      }
    });

    it("makes a PDF whose text has the reference, and Welsh letters intact", async () => {
      const example = meta.examples[0]!;
      const version = {
        templateId: id,
        number: 1,
        bodyEn: en,
        bodyCy: cy,
        nameEn: meta.name.en,
        nameCy: meta.name.cy,
        senderEn: meta.sender.en,
        senderCy: meta.sender.cy,
        placeholders: meta.placeholders,
        examples: meta.examples,
      } as unknown as LetterTemplateVersion;
      const { text } = await pdfText(await letterPdf(version, example, "cy"));
      expect(text).toContain(normalise(String(example.reference)));
      expect(text).toContain("Diwedd y llythyr");
      expect(text).toMatch(/[âêîôûŵŷ]/);
    });
  });
});
