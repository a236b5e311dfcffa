// The fact register: every right, time limit, duty or legal rule that victim
// content states, tied to the places that state it and to its official source.
// One file a content area in locales/facts/, so each can be reviewed on its own.
import commonFacts from "../../../locales/facts/common.json";
import evidenceFacts from "../../../locales/facts/evidence.json";
import glossaryFacts from "../../../locales/facts/glossary.json";
import guideFacts from "../../../locales/facts/guides.json";
import letterFacts from "../../../locales/facts/letters.json";
import pageFacts from "../../../locales/facts/pages.json";
import specialMeasuresFacts from "../../../locales/facts/special-measures.json";
import walkthroughFacts from "../../../locales/facts/walkthrough.json";

export type FactSource = {
  /** What the source is: "Victims' Code 2020, Right 4", "Sexual Offences (Amendment) Act 1992, s.1". */
  title: string;
  /** Its official address (legislation.gov.uk, GOV.UK, cps.gov.uk, ...). */
  url: string;
};

export type Fact = {
  /** Stable, unique, kebab-case. */
  id: string;
  /** The fact in one plain English sentence, for the people who check it. */
  statement: string;
  /**
   * Locale entries that state it, as "namespace:dotted.path" into
   * locales/<lng>/<namespace>.json. A path may name a whole subtree (a list of
   * paragraphs, say): its text is all the strings under it.
   */
  keys: string[];
  /** Letter or e-mail templates that state it, as "letters/<name>" or "email/<name>". */
  templates?: string[];
  /** Where one applies, the figure as each language writes it; it must appear in every place listed. */
  figure?: { en: string; cy: string };
  sources: FactSource[];
  /** The day the statement was last checked against its sources (YYYY-MM-DD). */
  checked: string;
  /** The edition the statement follows, where a source has editions ("Victims' Code 2020"). */
  edition?: string;
};

export type FactFile = { facts: Fact[] };

export const FACT_FILES: Record<string, FactFile> = {
  common: commonFacts as FactFile,
  evidence: evidenceFacts as FactFile,
  glossary: glossaryFacts as FactFile,
  guides: guideFacts as FactFile,
  letters: letterFacts as FactFile,
  pages: pageFacts as FactFile,
  "special-measures": specialMeasuresFacts as FactFile,
  walkthrough: walkthroughFacts as FactFile,
};

export const FACTS: Fact[] = Object.values(FACT_FILES).flatMap((file) => file.facts);

/** Whether a fact's place ("ns:path") is `prefix` or lies under it. */
function isUnder(place: string, prefix: string): boolean {
  return place === prefix || place.startsWith(`${prefix}.`) || prefix.startsWith(`${place}.`);
}

/**
 * The facts stated at or under a locale place ("walkthrough:stages.trial"),
 * or in a template ("letters/outcome-and-sentence").
 */
export function factsFor(place: string): Fact[] {
  return FACTS.filter(
    (fact) => fact.keys.some((key) => isUnder(key, place)) || (fact.templates ?? []).includes(place),
  );
}

/** The oldest check date among the facts stated at or under `place`, or null if none. */
export function lastChecked(place: string): string | null {
  const dates = factsFor(place).map((fact) => fact.checked).sort();
  return dates[0] ?? null;
}
