// The special-measures information sheet for ISVAs and police, from
// locales/<lng>/special-measures.json.
import cySheet from "../../../locales/cy/special-measures.json";
import enSheet from "../../../locales/en/special-measures.json";
import type { Body } from "~/features/content/markup.ts";
import type { Lang } from "~/features/i18n/languages.ts";

export type Measure = { name: string; law: string; what: Body; who: Body };
export type SpecialMeasuresSheet = {
  title: string;
  intro: Body;
  headings: { what: string; who: string; eligibility: string; howToAsk: string };
  measures: Record<string, Measure>;
  eligibility: Body;
  howToAsk: Body;
  reviewNotes: string[];
};

const files: Record<Lang, SpecialMeasuresSheet> = {
  en: enSheet as SpecialMeasuresSheet,
  cy: cySheet as SpecialMeasuresSheet,
};

export function specialMeasuresSheet(lang: Lang): SpecialMeasuresSheet {
  return files[lang];
}
