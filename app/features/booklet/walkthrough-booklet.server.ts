// The whole walkthrough as one PDF booklet: every stage in order, the guides,
// the specialist support services (kept by administrators), the questions to
// ask about phones and records, and the glossary.
import { plainText } from "~/features/content/markup.ts";
import { evidence } from "~/features/evidence/content.server.ts";
import { sortedGlossary } from "~/features/glossary/glossary.server.ts";
import { GUIDE_IDS, guides } from "~/features/guides/content.server.ts";
import type { Lang } from "~/features/i18n/languages.ts";
import { uiStrings } from "~/features/i18n/resources.server.ts";
import type { SupportGroup } from "~/features/support/groups.ts";
import { SECTION_IDS, STAGE_IDS, walkthrough } from "~/features/walkthrough/content.server.ts";
import { renderPdf, type PdfDocument, type PdfPart } from "./pdf.server.ts";

const FOOTER: Record<Lang, { label: string; of: string }> = {
  en: { label: "Page", of: "of" },
  cy: { label: "Tudalen", of: "o" },
};

/** The support services as the public page lists them, in the booklet's language. */
export type BookletSupport = { group: SupportGroup; services: { name: string; for: string; contact: string; url: string }[] }[];

// An administrator's text is never read as markup: square brackets become round
// ones and a run of asterisks one asterisk. A web address keeps its brackets, encoded.
const asText = (text: string) => text.replace(/\[/g, "(").replace(/\]/g, ")").replace(/\*+/g, "*");
const asAddress = (url: string) => url.replace(/\(/g, "%28").replace(/\)/g, "%29");

/** The services as one part of the booklet, or none when there are none. */
function supportParts(lang: Lang, support: BookletSupport): PdfPart[] {
  if (!support.length) return [];
  const ui = uiStrings(lang).support;
  return [
    {
      heading: ui.title,
      intro: [ui.intro],
      sections: support.map(({ group, services }) => ({
        heading: ui.groups[group],
        body: [
          {
            list: services.map((service) => {
              const name = /^https:\/\/\S+$/.test(service.url) ? `[${asText(service.name)}](${asAddress(service.url)})` : asText(service.name);
              return `${name}: ${asText(service.for)} ${asText(service.contact)}`;
            }),
          },
        ],
      })),
    },
  ];
}

export function walkthroughBooklet(lang: Lang, support: BookletSupport = []): PdfDocument {
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
    parts: [...stages, ...guideParts, ...supportParts(lang, support), questions, glossary],
    footerLabel: FOOTER[lang].label,
    footerOf: FOOTER[lang].of,
  };
}

// The content is bundled with the code, and the support services change only
// when an administrator edits them: each language's booklet is rendered once
// for the services it lists, and again when they differ.
const cache = new Map<Lang, { services: string; pdf: Promise<Buffer> }>();

export function renderWalkthroughBooklet(lang: Lang, support: BookletSupport = []): Promise<Buffer> {
  const services = JSON.stringify(support);
  const kept = cache.get(lang);
  if (kept?.services === services) return kept.pdf;
  const pdf = renderPdf(walkthroughBooklet(lang, support));
  cache.set(lang, { services, pdf });
  // A failed render is not kept: the next request tries again.
  pdf.catch(() => {
    if (cache.get(lang)?.pdf === pdf) cache.delete(lang);
  });
  return pdf;
}
