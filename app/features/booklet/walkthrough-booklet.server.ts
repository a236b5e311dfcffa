// The whole walkthrough as one PDF booklet: every stage in order, the guides,
// the questions to ask about phones and records, and the glossary.
import { plainText } from "~/features/content/markup.ts";
import { evidence } from "~/features/evidence/content.server.ts";
import { sortedGlossary } from "~/features/glossary/glossary.server.ts";
import { GUIDE_IDS, guides } from "~/features/guides/content.server.ts";
import type { Lang } from "~/features/i18n/languages.ts";
import { SECTION_IDS, STAGE_IDS, walkthrough } from "~/features/walkthrough/content.server.ts";
import { renderPdf, type PdfDocument, type PdfPart } from "./pdf.server.ts";

const FOOTER: Record<Lang, { label: string; of: string }> = {
  en: { label: "Page", of: "of" },
  cy: { label: "Tudalen", of: "o" },
};

export function walkthroughBooklet(lang: Lang): PdfDocument {
  const guide = walkthrough(lang);

  const stages: PdfPart[] = STAGE_IDS.map((id, index) => {
    const stage = guide.stages[id];
    return {
      heading: stage.title,
      kicker: guide.steps.stepNumber.replace("{{number}}", String(index + 1)),
      intro: [stage.summary],
      sections: SECTION_IDS.map((section) => ({ heading: guide.sections[section], body: stage.sections[section] })),
    };
  });

  const more = guides(lang);
  const guideParts: PdfPart[] = GUIDE_IDS.map((id) => {
    const guide = more.guides[id];
    return {
      heading: guide.title,
      kicker: more.title,
      intro: [guide.summary],
      sections: Object.values(guide.sections).map((section) => ({ heading: section.heading, body: section.body })),
    };
  });

  const { checklist } = evidence(lang);
  const questions: PdfPart = {
    heading: checklist.title,
    intro: checklist.intro,
    sections: Object.values(checklist.groups).map((group) => ({
      heading: group.heading,
      body: [{ list: group.questions }],
    })),
  };

  const glossary: PdfPart = {
    heading: guide.glossary.title,
    intro: [guide.glossary.intro],
    sections: sortedGlossary(lang).map((term) => ({ heading: term.term, body: [term.definition] })),
  };

  const intro = guide.intro[0];
  return {
    lang,
    title: guide.title,
    subtitle: intro === undefined ? undefined : plainText(intro),
    parts: [...stages, ...guideParts, questions, glossary],
    footerLabel: FOOTER[lang].label,
    footerOf: FOOTER[lang].of,
  };
}

// The content is bundled with the code, so a booklet never changes while the
// process runs: render each language once.
const cache = new Map<Lang, Promise<Buffer>>();

export function renderWalkthroughBooklet(lang: Lang): Promise<Buffer> {
  let pdf = cache.get(lang);
  if (!pdf) {
    pdf = renderPdf(walkthroughBooklet(lang));
    cache.set(lang, pdf);
    // A failed render is not kept: the next request tries again.
    pdf.catch(() => cache.delete(lang));
  }
  return pdf;
}
