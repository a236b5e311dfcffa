import { describe, expect, it } from "vitest";
import {
  readability,
  splitSentences,
  TARGET_GRADE,
  TARGET_WELSH_SENTENCE_WORDS,
} from "~/features/content/readability.ts";
import { TOPIC_IDS, topicStrings } from "~/features/evidence/content.server.ts";
import { GUIDE_IDS, guideStrings } from "~/features/guides/content.server.ts";
import type { Lang } from "~/features/i18n/languages.ts";
import { STAGE_IDS, stageStrings } from "~/features/walkthrough/content.server.ts";

const LEGAL =
  "Notwithstanding the aforementioned statutory provisions, the prosecution is obligated to disclose " +
  "any unused material which might reasonably be considered capable of undermining the prosecution " +
  "case against the accused or of assisting the case for the accused.";

describe("readability", () => {
  it.each([
    { name: "a simple sentence", strings: ["The cat sat on the mat."], maxGrade: 2 },
    { name: "short plain sentences", strings: ["You can get help at any time. It was not your fault."], maxGrade: 4 },
    { name: "a page of plain sentences with a heading", strings: ["What happens next", "The police will call you. They will tell you what they found."], maxGrade: 4 },
  ])("gives $name a low grade", ({ strings, maxGrade }) => {
    expect(readability(strings).grade).toBeLessThanOrEqual(maxGrade);
  });

  it("gives a long, polysyllabic legal sentence a grade above 12", () => {
    const result = readability([LEGAL]);
    expect(result.sentences).toBe(1);
    expect(result.grade).toBeGreaterThan(12);
    expect(result.readingAge).toBeCloseTo(result.grade + 5);
  });

  it.each([
    { name: "one sentence", strings: ["The cat sat on the mat."], words: 6, sentences: 1, syllables: 6 },
    { name: "two sentences in one string", strings: ["Call us. We will help."], words: 5, sentences: 2, syllables: 5 },
    { name: "a question and an exclamation", strings: ["Are you safe? Call now!"], words: 5, sentences: 2, syllables: 5 },
    { name: "a heading counts as a sentence", strings: ["Your rights", "You can ask for help."], words: 7, sentences: 2, syllables: 7 },
    { name: "list items count as sentences", strings: ["You can:", "call", "write to us"], words: 6, sentences: 3, syllables: 6 },
    { name: "text after the last full stop is a sentence", strings: ["Call us. Or write"], words: 4, sentences: 2, syllables: 4 },
    { name: "numbers are words of at least one syllable", strings: ["Call 999."], words: 2, sentences: 1, syllables: 2 },
    { name: "abbreviations do not end sentences", strings: ["Ask someone, e.g. an ISVA, for help."], words: 7, sentences: 1, syllables: 10 },
    { name: "an empty string is not a sentence", strings: ["", "  ", "Help."], words: 1, sentences: 1, syllables: 1 },
  ])("counts $name", ({ strings, words, sentences, syllables }) => {
    const result = readability(strings);
    expect({ words: result.words, sentences: result.sentences, syllables: result.syllables }).toEqual({
      words,
      sentences,
      syllables,
    });
    expect(result.averageSentenceWords).toBeCloseTo(words / sentences);
  });

  it.each([
    ["a link", "Ask your [ISVA](glossary:isva) for help.", "Ask your ISVA for help."],
    ["emphasis", "Select **Exit this page** to leave.", "Select Exit this page to leave."],
    ["an external link", "Read the Code on [GOV.UK](https://www.gov.uk/).", "Read the Code on GOV.UK."],
  ])("ignores %s", (_name, marked, plain) => {
    expect(readability([marked])).toEqual(readability([plain]));
  });

  it("does not treat a full stop inside a word or an abbreviation as a sentence end", () => {
    expect(splitSentences("See GOV.UK for version 2.2. Then read the Regulations (No. 2) 2018.")).toEqual([
      "See GOV.UK for version 2.2.",
      "Then read the Regulations (No. 2) 2018.",
    ]);
  });

  it("has no grade for text without words", () => {
    const result = readability([]);
    expect(result).toMatchObject({ words: 0, sentences: 0, syllables: 0, averageSentenceWords: 0 });
    expect(result.grade).toBeNaN();
  });
});

describe("content readability", () => {
  const pages = [
    ...STAGE_IDS.map((id) => ({ page: `walkthrough stage "${id}"`, strings: (lang: Lang) => stageStrings(lang, id) })),
    ...TOPIC_IDS.map((id) => ({ page: `evidence topic "${id}"`, strings: (lang: Lang) => topicStrings(lang, id) })),
    ...GUIDE_IDS.map((id) => ({ page: `guide "${id}"`, strings: (lang: Lang) => guideStrings(lang, id) })),
  ];

  it.each(pages)(`English $page has a Flesch-Kincaid grade of at most ${TARGET_GRADE}`, ({ page, strings }) => {
    const { grade, words } = readability(strings("en"));
    expect(words, `${page} (English) has no text`).toBeGreaterThan(0);
    expect(
      grade,
      `${page} (English) has Flesch-Kincaid grade ${grade.toFixed(1)} (reading age ${(grade + 5).toFixed(1)}); ` +
        `the target is grade ${TARGET_GRADE} or lower (reading age 9 to 11)`,
    ).toBeLessThanOrEqual(TARGET_GRADE);
  });

  it.each(pages)(
    `Welsh $page has an average sentence length of at most ${TARGET_WELSH_SENTENCE_WORDS} words`,
    ({ page, strings }) => {
      const { averageSentenceWords, words } = readability(strings("cy"));
      expect(words, `${page} (Welsh) has no text`).toBeGreaterThan(0);
      expect(
        averageSentenceWords,
        `${page} (Welsh) averages ${averageSentenceWords.toFixed(1)} words a sentence; ` +
          `the target is ${TARGET_WELSH_SENTENCE_WORDS} or fewer`,
      ).toBeLessThanOrEqual(TARGET_WELSH_SENTENCE_WORDS);
    },
  );
});
