// Readability of every public content page, in English and Welsh, as a
// Markdown table. Exits with code 1 if any page misses its target.
//
//   npx tsx tests/tools/readability-report.ts
//
// English pages are scored with the Flesch-Kincaid grade (see
// app/features/content/readability.ts): grade 6 or lower for pages written
// for victims, grade 8 or lower for the special-measures sheet (for
// professionals) and the privacy and accessibility statements. Welsh pages are
// judged by average sentence length alone.
import { bodyStrings, NAMED_PAGES } from "~/features/content/markup.ts";
import { homePage, infoPage, type InfoPageName } from "~/features/content/pages.server.ts";
import { readability, TARGET_GRADE, TARGET_WELSH_SENTENCE_WORDS } from "~/features/content/readability.ts";
import { checklistStrings, TOPIC_IDS, topicStrings } from "~/features/evidence/content.server.ts";
import { sortedGlossary } from "~/features/glossary/glossary.server.ts";
import { GUIDE_IDS, guideStrings } from "~/features/guides/content.server.ts";
import { LANGUAGES, localisePath, type Lang } from "~/features/i18n/languages.ts";
import { specialMeasuresSheet } from "~/features/special-measures/content.server.ts";
import { STAGE_IDS, stageStrings } from "~/features/walkthrough/content.server.ts";
import fs from "node:fs";
import path from "node:path";
import { readerLines } from "~/features/letters/plain-english.ts";

/** The grade for pages written for professionals or as formal statements. */
const PROFESSIONAL_GRADE = 8;

type Page = { path: string; targetGrade: number; strings: (lang: Lang) => string[] };

function infoPageStrings(name: InfoPageName) {
  return (lang: Lang) => {
    const { title, body } = infoPage(lang, name);
    return [title, ...bodyStrings(body)];
  };
}

function homeStrings(lang: Lang): string[] {
  const { title, lead, body, cards } = homePage(lang);
  return [title, lead, ...bodyStrings(body), ...Object.values(cards).flatMap((card) => [card.title, card.description])];
}

function glossaryStrings(lang: Lang): string[] {
  return sortedGlossary(lang).flatMap(({ term, definition }) => [term, definition]);
}

function specialMeasuresStrings(lang: Lang): string[] {
  // In the order the page shows them, the legal reference under each measure included.
  const { title, intro, headings, measures, eligibility, howToAsk } = specialMeasuresSheet(lang);
  return [
    title,
    ...bodyStrings(intro),
    ...Object.values(measures).flatMap((measure) => [
      measure.name,
      measure.law,
      headings.what,
      ...bodyStrings(measure.what),
      headings.who,
      ...bodyStrings(measure.who),
    ]),
    headings.eligibility,
    ...bodyStrings(eligibility),
    headings.howToAsk,
    ...bodyStrings(howToAsk),
  ];
}

const PAGES: Page[] = [
  { path: NAMED_PAGES.home, targetGrade: TARGET_GRADE, strings: homeStrings },
  ...STAGE_IDS.map((id) => ({
    path: `${NAMED_PAGES.walkthrough}/${id}`,
    targetGrade: TARGET_GRADE,
    strings: (lang: Lang) => stageStrings(lang, id),
  })),
  ...TOPIC_IDS.map((id) => ({
    path: `${NAMED_PAGES.evidence}/${id}`,
    targetGrade: TARGET_GRADE,
    strings: (lang: Lang) => topicStrings(lang, id),
  })),
  ...GUIDE_IDS.map((id) => ({
    path: `${NAMED_PAGES.guides}/${id}`,
    targetGrade: TARGET_GRADE,
    strings: (lang: Lang) => guideStrings(lang, id),
  })),
  { path: NAMED_PAGES["evidence-checklist"], targetGrade: TARGET_GRADE, strings: checklistStrings },
  { path: NAMED_PAGES.glossary, targetGrade: TARGET_GRADE, strings: glossaryStrings },
  { path: NAMED_PAGES["special-measures"], targetGrade: PROFESSIONAL_GRADE, strings: specialMeasuresStrings },
  { path: NAMED_PAGES["get-help"], targetGrade: TARGET_GRADE, strings: infoPageStrings("getHelp") },
  { path: NAMED_PAGES["leaving-no-trace"], targetGrade: TARGET_GRADE, strings: infoPageStrings("leavingNoTrace") },
  { path: NAMED_PAGES.cookies, targetGrade: TARGET_GRADE, strings: infoPageStrings("cookies") },
  { path: NAMED_PAGES.privacy, targetGrade: PROFESSIONAL_GRADE, strings: infoPageStrings("privacy") },
  { path: NAMED_PAGES.accessibility, targetGrade: PROFESSIONAL_GRADE, strings: infoPageStrings("accessibility") },
];

// The baseline letters, scored on the text a victim reads (markup and value names taken out).
const LETTERS_DIR = path.resolve(import.meta.dirname, "../../templates/letters");
for (const id of fs.existsSync(LETTERS_DIR) ? fs.readdirSync(LETTERS_DIR).sort() : []) {
  if (!fs.existsSync(path.join(LETTERS_DIR, id, "en.txt"))) continue;
  PAGES.push({
    path: `templates/letters/${id}`,
    targetGrade: TARGET_GRADE,
    strings: (lang: Lang) => readerLines(fs.readFileSync(path.join(LETTERS_DIR, id, `${lang}.txt`), "utf8")),
  });
}

const LANGUAGE_NAMES: Record<Lang, string> = { en: "English", cy: "Welsh" };

const header = [
  "| Page | Language | Words | Sentences | Words per sentence | FK grade | Reading age | Meets target |",
  "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
];
const rows: string[] = [];
const misses: string[] = [];

for (const page of PAGES) {
  for (const lang of LANGUAGES) {
    const path = page.path.startsWith("templates/") ? `${page.path} (${lang})` : localisePath(page.path, lang);
    const score = readability(page.strings(lang));
    const perSentence = score.averageSentenceWords.toFixed(1);
    let meets: boolean;
    let target: string;
    if (lang === "en") {
      meets = score.grade <= page.targetGrade;
      target = `grade ≤ ${page.targetGrade}`;
    } else {
      meets = score.averageSentenceWords <= TARGET_WELSH_SENTENCE_WORDS;
      target = `≤ ${TARGET_WELSH_SENTENCE_WORDS} words per sentence`;
    }
    if (!meets) {
      const measured = lang === "en" ? `grade ${score.grade.toFixed(1)}` : `${perSentence} words per sentence`;
      misses.push(`${path} (${LANGUAGE_NAMES[lang]}): ${measured}, target ${target}`);
    }
    rows.push(
      `| \`${path}\` | ${LANGUAGE_NAMES[lang]} | ${score.words} | ${score.sentences} | ${perSentence} | ` +
        `${lang === "en" ? score.grade.toFixed(1) : "–"} | ${lang === "en" ? score.readingAge.toFixed(1) : "–"} | ` +
        `${meets ? "yes" : "**no**"} (${target}) |`,
    );
  }
}

console.log("# Readability of the public pages and the letters\n");
console.log(
  `English: Flesch-Kincaid grade, reading age = grade + 5. Target grade ≤ ${TARGET_GRADE} (reading age 9 to 11) ` +
    `for victims' pages, ≤ ${PROFESSIONAL_GRADE} for the special-measures sheet and the privacy and accessibility ` +
    `statements. Welsh: the formula is for English, so only average sentence length is judged ` +
    `(≤ ${TARGET_WELSH_SENTENCE_WORDS} words).\n`,
);
console.log([...header, ...rows].join("\n"));
console.log();
if (misses.length) {
  console.log(`${misses.length} page(s) miss their target:\n`);
  for (const miss of misses) console.log(`- ${miss}`);
  process.exitCode = 1;
} else {
  console.log("Every page meets its target.");
}
