// What the guides' pages need, in the reader's language.
import { lastChecked } from "~/features/content/fact-register.ts";
import type { Lang } from "~/features/i18n/languages.ts";
import { walkthrough } from "~/features/walkthrough/content.server.ts";
import { pageGlossary } from "~/features/walkthrough/pages.server.ts";
import { guides, guideStrings, guideSummaries, type GuideId } from "./content.server.ts";

export function guidesHome(lang: Lang) {
  const content = guides(lang);
  return {
    title: content.title,
    intro: content.intro,
    guides: guideSummaries(lang),
  };
}

export function guidePage(lang: Lang, id: GuideId) {
  const content = guides(lang);
  const { title, summary, sections, stages } = content.guides[id];
  const { close, moreInGlossary } = walkthrough(lang).glossary;
  return {
    title,
    summary,
    sections,
    ui: content.ui,
    guidesTitle: content.title,
    stages: stages.map((stage) => ({ id: stage, title: walkthrough(lang).stages[stage].title })),
    lastChecked: lastChecked(`guides:guides.${id}`),
    glossary: pageGlossary(lang, guideStrings(lang, id)),
    glossaryUi: { close, more: moreInGlossary },
  };
}
