// How hard a page is to read, from the strings a reader sees.
//
// Target: the public pages are written for a reading age of about 9 to 11.
// The Flesch-Kincaid grade is a US school grade, and reading age = grade + 5,
// so the target means a grade of at most 6. (Pages for professionals, such as
// the special-measures sheet, and the privacy and accessibility statements
// aim for grade 8 or lower.)
//
// The Flesch-Kincaid formula and the syllable counter are built for English.
// Their numbers mean nothing for Welsh, so Welsh pages are judged by average
// sentence length alone (`averageSentenceWords`); `grade` and `readingAge` are
// still computed for any text but should only be reported for English.
//
// Pure: no server imports, so tests, tools and the browser can all use it.
import { fleschKincaid } from "flesch-kincaid";
import { syllable } from "syllable";
import { plainText } from "./markup.ts";

export type Readability = {
  words: number;
  sentences: number;
  syllables: number;
  /** Flesch-Kincaid grade level (US school grade). NaN for text with no words. */
  grade: number;
  /** grade + 5. NaN for text with no words. */
  readingAge: number;
  /** Words per sentence: the measure used for Welsh. 0 for text with no words. */
  averageSentenceWords: number;
};

/** The target grade for pages written for victims (reading age about 9 to 11). */
export const TARGET_GRADE = 6;

/** The target average sentence length for Welsh pages. */
export const TARGET_WELSH_SENTENCE_WORDS = 20;

// A full stop, question mark, exclamation mark or ellipsis, with any closing
// quotes or brackets, followed by white space or the end of the string.
const TERMINATOR = /[.!?…]+["'’”)\]]*(?=\s|$)/gu;

// Tokens ending in a full stop that do not end a sentence (English and Welsh).
const ABBREVIATIONS = new Set(["e.g.", "i.e.", "mr.", "mrs.", "ms.", "dr.", "st.", "e.e.", "h.y."]);

const WORD = /[\p{L}\p{N}]/u;

/**
 * Scores some strings: a page's headings, paragraphs and list items, with or
 * without inline markup. Each string is at least one sentence, so a heading or
 * a list item without terminal punctuation counts as a sentence of its own.
 */
export function readability(strings: string[]): Readability {
  let words = 0;
  let sentences = 0;
  let syllables = 0;

  for (const source of strings) {
    const text = plainText(source);
    for (const sentence of splitSentences(text)) {
      const sentenceWords = wordsIn(sentence);
      if (sentenceWords.length === 0) continue;
      sentences += 1;
      words += sentenceWords.length;
      // Numbers ("999", "24/7") have no syllables to the counter but are read
      // aloud: every word counts as at least one syllable.
      for (const word of sentenceWords) syllables += Math.max(1, syllable(word));
    }
  }

  const grade = words ? fleschKincaid({ sentence: sentences, word: words, syllable: syllables }) : Number.NaN;
  return {
    words,
    sentences,
    syllables,
    grade,
    readingAge: grade + 5,
    averageSentenceWords: sentences ? words / sentences : 0,
  };
}

/** The sentences of one plain-text string; text after the last terminator is a sentence too. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(TERMINATOR)) {
    const end = (match.index ?? 0) + match[0].length;
    if (isAbbreviation(text, match.index ?? 0, end)) continue;
    sentences.push(text.slice(start, end).trim());
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences.filter((sentence) => WORD.test(sentence));
}

function wordsIn(text: string): string[] {
  return text.split(/\s+/u).filter((token) => WORD.test(token));
}

/** Whether the full stop at `index` belongs to an abbreviation such as "e.g." or "No. 2". */
function isAbbreviation(text: string, index: number, end: number): boolean {
  if (text[index] !== ".") return false;
  const tokenStart = text.lastIndexOf(" ", index) + 1;
  const token = text
    .slice(tokenStart, index + 1)
    .replace(/^[("'‘“[]+/u, "")
    .toLowerCase();
  if (ABBREVIATIONS.has(token)) return true;
  // "No. 2" (English) and "Rhif. 2" are numbers, not sentence ends.
  return (token === "no." || token === "rhif.") && /^\s+\d/u.test(text.slice(end));
}
