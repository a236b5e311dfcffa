// Plain-English and care checks for a letter, shown while editing and required
// to pass (or be overridden with a reason) before approval. Pure.
import { readability, splitSentences, TARGET_GRADE } from "~/features/content/readability.ts";

export { TARGET_GRADE };
export const MAX_SENTENCE_WORDS = 25;

/** Legal or internal words to avoid, or to explain the first time. */
export const JARGON: { term: RegExp; label: string }[] = [
  { term: /\bNFA\b/, label: "NFA" },
  { term: /\bCode test\b/i, label: "the Code test" },
  { term: /\bdisclosure\b/i, label: "disclosure" },
  { term: /\bdiscontinu(ance|ed)\b/i, label: "discontinuance" },
  { term: /\bevidential (stage|test)\b/i, label: "evidential stage" },
  { term: /\bpublic interest (stage|test)\b/i, label: "public interest stage" },
  { term: /\bindictment\b/i, label: "indictment" },
  { term: /\bcomplainant\b/i, label: "complainant" },
  { term: /\b(VRR|ULS|WCU|CJS|RASSO)\b/, label: "an unexplained abbreviation" },
];

/** Phrases that blame or doubt the reader. */
export const BLAMING: { term: RegExp; label: string }[] = [
  { term: /\balleged victim\b/i, label: "alleged victim" },
  { term: /\byou (failed|did not|didn't) (report|tell|come forward)/i, label: "you failed to report" },
  { term: /\bwhy did you\b/i, label: "why did you" },
  { term: /\byou should have\b/i, label: "you should have" },
  { term: /\b(delay|late) in reporting\b/i, label: "delay in reporting" },
  { term: /\bcredibility\b/i, label: "credibility" },
  { term: /\binconsistenc(y|ies) in your\b/i, label: "inconsistencies in your account" },
  { term: /\byou claim(ed)?\b/i, label: "you claim" },
];

export type CheckId = "readability" | "sentences" | "jargon" | "cps" | "blame" | "welsh";
export type Check = { id: CheckId; ok: boolean; detail: string };

/**
 * The reader's text of a template: markup, conditions and placeholder names
 * taken out. Conditions side by side on one line (a heading for each outcome)
 * are alternatives, so each is read as a line of its own.
 */
export function readerLines(source: string) {
  return source
    .replace(/\(\(end\)\)\s*(?=\(\(if )/g, "((end))\n")
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/\(\((?:if not |if )?[a-z_][a-z0-9_]*\)\)|\(\((?:else|end)\)\)/g, "")
        .replace(/^#+\s*|^-\s*/, "")
        .trim(),
    )
    .filter(Boolean);
}

/** The checks of one version. `templateProblems` are the template checker's messages (both languages). */
export function plainEnglishChecks({ en, cy }: { en: string; cy: string }, templateProblems: string[] = []): Check[] {
  const lines = readerLines(en);
  const text = lines.join(" ");
  const score = readability(lines);
  const long = lines.flatMap((line) => splitSentences(line)).filter((sentence) => sentence.split(/\s+/).length > MAX_SENTENCE_WORDS);
  const jargon = JARGON.filter(({ term }) => term.test(text)).map(({ label }) => label);
  const blame = BLAMING.filter(({ term }) => term.test(text)).map(({ label }) => label);
  const firstCps = text.search(/\bCPS\b/);
  const fullName = text.search(/Crown Prosecution Service/i);
  const cpsOk = firstCps === -1 || (fullName !== -1 && fullName < firstCps);
  return [
    { id: "readability", ok: Number.isFinite(score.grade) && score.grade <= TARGET_GRADE, detail: Number.isFinite(score.grade) ? score.grade.toFixed(1) : "–" },
    { id: "sentences", ok: long.length === 0, detail: long.slice(0, 2).join(" / ") },
    { id: "jargon", ok: jargon.length === 0, detail: jargon.join(", ") },
    { id: "cps", ok: cpsOk, detail: cpsOk ? "" : "CPS" },
    { id: "blame", ok: blame.length === 0, detail: blame.join(", ") },
    { id: "welsh", ok: cy.trim().length > 0 && templateProblems.length === 0, detail: templateProblems.slice(0, 3).join(" / ") },
  ];
}
