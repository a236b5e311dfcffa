// The walkthrough's content, from locales/<lng>/walkthrough.json.
import cyWalkthrough from "../../../locales/cy/walkthrough.json";
import enWalkthrough from "../../../locales/en/walkthrough.json";
import type { Body } from "~/features/content/markup.ts";
import type { Lang } from "~/features/i18n/languages.ts";
import { SECTION_IDS, STAGE_IDS, type SectionId, type StageId } from "./stages.ts";

export type Stage = {
  title: string;
  summary: string;
  whereAmI: string;
  sections: Record<SectionId, Body>;
  /** For reviewers: facts that may change with a new Victims' Code. Never shown. */
  reviewNotes: string[];
};

type WalkthroughFile = typeof enWalkthrough;
export type WalkthroughUi = Omit<WalkthroughFile, "stages">;
export type Walkthrough = WalkthroughUi & { stages: Record<StageId, Stage> };

const files: Record<Lang, Walkthrough> = {
  en: enWalkthrough as unknown as Walkthrough,
  cy: cyWalkthrough as unknown as Walkthrough,
};

export function walkthrough(lang: Lang): Walkthrough {
  return files[lang];
}

export function walkthroughUi(lang: Lang): WalkthroughUi {
  const { stages: _stages, ...ui } = files[lang];
  return ui;
}

export function stage(lang: Lang, id: StageId): Stage {
  return files[lang].stages[id];
}

/** Everything a reader sees of a stage, as strings (for glossary look-ups, readability and tests). */
export function stageStrings(lang: Lang, id: StageId): string[] {
  const { title, summary, sections } = stage(lang, id);
  return [title, summary, ...SECTION_IDS.flatMap((section) => sections[section].flatMap(blockToStrings))];
}

function blockToStrings(block: Body[number]): string[] {
  if (typeof block === "string") return [block];
  return Object.values(block).flat() as string[];
}

export { SECTION_IDS, STAGE_IDS };
