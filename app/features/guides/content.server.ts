// Guides: short pages on questions victims ask at any point in a case
// (anonymity, compensation, complaints, safety, the day in court, after the trial),
// from locales/<lng>/guides.json. Each names the walkthrough steps it belongs
// to, so the step pages, the booklet and the offline copy can list it.
import cyGuides from "../../../locales/cy/guides.json";
import enGuides from "../../../locales/en/guides.json";
import { bodyStrings, type Body } from "~/features/content/markup.ts";
import { localisePath, type Lang } from "~/features/i18n/languages.ts";
import type { StageId } from "~/features/walkthrough/stages.ts";

export const GUIDE_IDS = ["day-in-court", "after-the-trial", "anonymity", "compensation", "complaints", "safety", "after-no-further-action"] as const;
export type GuideId = (typeof GUIDE_IDS)[number];

export function isGuideId(value: unknown): value is GuideId {
  return typeof value === "string" && (GUIDE_IDS as readonly string[]).includes(value);
}

export type Guide = {
  title: string;
  summary: string;
  stages: StageId[];
  sections: Record<string, { heading: string; body: Body }>;
};

export type Guides = {
  title: string;
  intro: Body;
  ui: typeof enGuides.ui;
  guides: Record<GuideId, Guide>;
};

const files: Record<Lang, Guides> = { en: enGuides as unknown as Guides, cy: cyGuides as unknown as Guides };

export function guides(lang: Lang): Guides {
  return files[lang];
}

/** Everything a reader sees of a guide, as strings. */
export function guideStrings(lang: Lang, id: GuideId): string[] {
  const guide = files[lang].guides[id];
  return [guide.title, guide.summary, ...Object.values(guide.sections).flatMap((section) => [section.heading, ...bodyStrings(section.body)])];
}

export type GuideSummary = { id: GuideId; href: string; title: string; summary: string };

/** Every guide's title and summary, in order; or only those that belong to a walkthrough step. */
export function guideSummaries(lang: Lang, stage?: StageId): GuideSummary[] {
  return GUIDE_IDS.filter((id) => !stage || files[lang].guides[id].stages.includes(stage)).map((id) => ({
    id,
    href: localisePath(`/guides/${id}`, lang),
    title: files[lang].guides[id].title,
    summary: files[lang].guides[id].summary,
  }));
}
