// The content is complete in both languages, and every link in it goes
// somewhere real.
import { describe, expect, it } from "vitest";
import { linkTargets, resolveTarget } from "~/features/content/markup.ts";
import { evidence, isTopicId, topicStrings, TOPIC_IDS, checklistStrings } from "~/features/evidence/content.server.ts";
import { glossary, termIdsIn } from "~/features/glossary/glossary.server.ts";
import { guides, isGuideId } from "~/features/guides/content.server.ts";
import { LANGUAGES } from "~/features/i18n/languages.ts";
import { specialMeasuresSheet } from "~/features/special-measures/content.server.ts";
import { stage, stageStrings, walkthrough } from "~/features/walkthrough/content.server.ts";
import { isStageId, SECTION_IDS, STAGE_IDS } from "~/features/walkthrough/stages.ts";
import { homePage, infoPage } from "~/features/content/pages.server.ts";

function allStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === "object") return Object.values(value).flatMap(allStrings);
  return [];
}

const PAGES = ["getHelp", "leavingNoTrace", "cookies", "privacy", "accessibility", "preTrialMeeting", "notFound", "serverError"] as const;

describe.each(LANGUAGES)("content in %s", (lang) => {
  it("has every stage, each with a title, summary, answer for 'Where am I now?' and all six sections", () => {
    expect(Object.keys(walkthrough(lang).stages).sort()).toEqual([...STAGE_IDS].sort());
    for (const id of STAGE_IDS) {
      const { title, summary, whereAmI, sections } = stage(lang, id);
      expect([title, summary, whereAmI].every((text) => text.trim().length > 0), id).toBe(true);
      expect(Object.keys(sections).sort(), id).toEqual([...SECTION_IDS].sort());
      for (const section of SECTION_IDS) expect(sections[section].length, `${id}.${section}`).toBeGreaterThan(0);
    }
  });

  it("has every evidence topic with its sections", () => {
    expect(Object.keys(evidence(lang).topics).sort()).toEqual([...TOPIC_IDS].sort());
    for (const id of TOPIC_IDS) {
      const sections = Object.values(evidence(lang).topics[id].sections);
      expect(sections.length, id).toBeGreaterThanOrEqual(3);
      for (const section of sections) expect(section.body.length, id).toBeGreaterThan(0);
    }
  });

  it("defines every glossary term it marks", () => {
    const strings = [
      ...STAGE_IDS.flatMap((id) => stageStrings(lang, id)),
      ...TOPIC_IDS.flatMap((id) => topicStrings(lang, id)),
      ...checklistStrings(lang),
      ...allStrings(evidence(lang).flow),
      ...allStrings(specialMeasuresSheet(lang)),
      ...allStrings(homePage(lang)),
      ...PAGES.flatMap((name) => allStrings(infoPage(lang, name))),
    ];
    const terms = glossary(lang);
    const missing = termIdsIn(strings).filter((id) => !terms[id]);
    expect(missing).toEqual([]);
    expect(termIdsIn(strings).length).toBeGreaterThan(20);
  });

  it("links only to places that exist", () => {
    const strings = [
      ...allStrings(walkthrough(lang)),
      ...allStrings(evidence(lang)),
      ...allStrings(guides(lang)),
      ...allStrings(glossary(lang)),
      ...allStrings(specialMeasuresSheet(lang)),
      ...allStrings(homePage(lang)),
      ...PAGES.flatMap((name) => allStrings(infoPage(lang, name))),
    ];
    const broken = linkTargets(strings).filter((target) => {
      if (!resolveTarget(target, lang)) return true;
      if (target.startsWith("stage:")) return !isStageId(target.slice(6));
      if (target.startsWith("topic:")) return !isTopicId(target.slice(6));
      if (target.startsWith("guide:")) return !isGuideId(target.slice(6));
      return false;
    });
    expect(broken).toEqual([]);
  });

  it("has the same glossary terms in English and Welsh", () => {
    expect(Object.keys(glossary(lang)).sort()).toEqual(Object.keys(glossary("en")).sort());
  });
});
