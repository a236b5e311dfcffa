// What each walkthrough page needs, in the reader's language.
import { OutsideCoveredYearsError, parsePastDate, todayInLondon, type DateInput } from "~/features/dates/dates.ts";
import { formatLongDate } from "~/features/dates/format.ts";
import { definitionsFor } from "~/features/glossary/glossary.server.ts";
import type { Lang } from "~/features/i18n/languages.ts";
import { lastChecked } from "~/features/content/fact-register.ts";
import { plainText } from "~/features/content/markup.ts";
import { guides, guideSummaries } from "~/features/guides/content.server.ts";
import { stage, stageStrings, walkthrough } from "./content.server.ts";
import { deadlineForStage, lastDayToAct, latestPossibleDay, type DeadlineId } from "./deadlines.ts";
import { neighbours, STAGE_IDS, stageNumber, type StageId } from "./stages.ts";

/** Glossary definitions as plain text, ready to show in place. */
export function pageGlossary(lang: Lang, strings: string[]) {
  const terms = definitionsFor(lang, strings);
  return Object.fromEntries(
    Object.entries(terms).map(([id, term]) => [id, { term: term.term, definition: plainText(term.definition) }]),
  );
}

export function overviewPage(lang: Lang) {
  const content = walkthrough(lang);
  return {
    title: content.title,
    intro: content.intro,
    steps: content.steps,
    whereAmI: content.whereAmI,
    print: content.print,
    stages: STAGE_IDS.map((id) => ({
      id,
      number: stageNumber(id),
      title: content.stages[id].title,
      summary: content.stages[id].summary,
      whereAmI: content.stages[id].whereAmI,
    })),
    guides: { title: guides(lang).title, list: guideSummaries(lang) },
  };
}

export function stagePage(lang: Lang, id: StageId) {
  const content = walkthrough(lang);
  const { previous, next } = neighbours(id);
  const { title, summary, sections } = stage(lang, id);
  const deadline = deadlineForStage(id);
  return {
    id,
    number: stageNumber(id),
    total: STAGE_IDS.length,
    guideTitle: content.shortTitle,
    title,
    summary,
    sections,
    sectionTitles: content.sections,
    steps: content.steps,
    print: content.print,
    glossaryUi: content.glossary,
    previous: previous ? { id: previous, title: content.stages[previous].title } : undefined,
    next: next ? { id: next, title: content.stages[next].title } : undefined,
    deadline: deadline ? { id: deadline, ...content.deadline[deadline], ...deadlineUi(content.deadline) } : undefined,
    glossary: pageGlossary(lang, stageStrings(lang, id)),
    guides: { heading: guides(lang).ui.moreOnThisStep, list: guideSummaries(lang, id) },
    lastChecked: lastChecked(`walkthrough:stages.${id}`),
  };
}

function deadlineUi(deadline: ReturnType<typeof walkthrough>["deadline"]) {
  return { button: deadline.button, noStore: deadline.noStore, datePrompt: deadline.datePrompt };
}

export type DeadlineAnswer =
  | { ok: true; deadline: DeadlineId; result: string; explain?: string; passed?: string }
  | { ok: false; error: string; values: DateInput };

/** The last day to act on a stage's time-limited right, for the date the reader gives. */
export function answerDeadline(lang: Lang, id: DeadlineId, input: DateInput, today = todayInLondon()): DeadlineAnswer {
  const strings = walkthrough(lang).deadline;
  const parsed = parsePastDate(input, today);
  if ("error" in parsed) return { ok: false, error: parsed.error, values: input };
  try {
    const lastDay = lastDayToAct(id, parsed.date);
    const fill = (text: string) =>
      text.replace("{{date}}", formatLongDate(lastDay, lang)).replace("{{told}}", formatLongDate(parsed.date, lang));
    const passed = lastDay < today;
    return {
      ok: true,
      deadline: id,
      result: fill(passed ? strings[id].passedResult : strings[id].result),
      // Once passed, the "passed" text says what the rule means now.
      explain: passed ? undefined : fill(strings[id].explain),
      passed: passed ? strings[id].passed : undefined,
    };
  } catch (error) {
    if (!(error instanceof OutsideCoveredYearsError)) throw error;
    // Too long ago to count in bank holidays, but long enough ago to know the last day has gone.
    if (latestPossibleDay(id, parsed.date) < today) return { ok: true, deadline: id, result: strings[id].passed };
    return { ok: false, error: "forms.dateOutsideYears", values: input };
  }
}

export function wholeGuide(lang: Lang) {
  const content = walkthrough(lang);
  return {
    title: content.title,
    intro: content.intro,
    sectionTitles: content.sections,
    steps: content.steps,
    print: content.print,
    stages: STAGE_IDS.map((id) => ({ id, number: stageNumber(id), ...content.stages[id] })),
  };
}
