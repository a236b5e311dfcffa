// The glossary: every legal or procedural term the public pages use, with a
// plain definition, from locales/<lng>/glossary.json.
import cyGlossary from "../../../locales/cy/glossary.json";
import enGlossary from "../../../locales/en/glossary.json";
import { linkTargets } from "~/features/content/markup.ts";
import type { Lang } from "~/features/i18n/languages.ts";

export type Term = { term: string; definition: string };
type GlossaryFile = { terms: Record<string, Term> };

const files: Record<Lang, GlossaryFile> = { en: enGlossary, cy: cyGlossary };

export function glossary(lang: Lang): Record<string, Term> {
  return files[lang].terms;
}

/** Glossary ids marked in some strings, in order of first use. */
export function termIdsIn(strings: string[]): string[] {
  const ids = linkTargets(strings)
    .filter((target) => target.startsWith("glossary:"))
    .map((target) => target.slice("glossary:".length));
  return [...new Set(ids)];
}

/** The definitions a page needs for the terms it marks. */
export function definitionsFor(lang: Lang, strings: string[]): Record<string, Term> {
  const terms = glossary(lang);
  return Object.fromEntries(termIdsIn(strings).flatMap((id) => (terms[id] ? [[id, terms[id]]] : [])));
}

/** The glossary sorted for reading, by the term as written in that language. */
export function sortedGlossary(lang: Lang): Array<Term & { id: string }> {
  return Object.entries(glossary(lang))
    .map(([id, term]) => ({ id, ...term }))
    .sort((a, b) => a.term.localeCompare(b.term, lang === "cy" ? "cy" : "en-GB", { sensitivity: "base" }));
}
