// What each page of the digital-evidence explainer needs, in the reader's language.
import { lastChecked } from "~/features/content/fact-register.ts";
import type { Lang } from "~/features/i18n/languages.ts";
import { localisePath } from "~/features/i18n/languages.ts";
import { walkthrough } from "~/features/walkthrough/content.server.ts";
import { pageGlossary } from "~/features/walkthrough/pages.server.ts";
import { checklistStrings, evidence, TOPIC_IDS, topicStrings, type TopicId } from "./content.server.ts";
import { nextStep, resultTopics, type FlowAnswers } from "./flow.ts";

function glossaryUi(lang: Lang) {
  const { close, moreInGlossary } = walkthrough(lang).glossary;
  return { close, more: moreInGlossary };
}

export function explainerHome(lang: Lang) {
  const content = evidence(lang);
  return {
    title: content.title,
    intro: content.intro,
    ui: content.ui,
    topics: TOPIC_IDS.map((id) => ({ id, title: content.topics[id].title, summary: content.topics[id].summary })),
    glossary: pageGlossary(lang, content.intro.flatMap((block) => (typeof block === "string" ? [block] : Object.values(block).flat() as string[]))),
    glossaryUi: glossaryUi(lang),
  };
}

export function topicPage(lang: Lang, id: TopicId) {
  const content = evidence(lang);
  const index = TOPIC_IDS.indexOf(id);
  const link = (topic: TopicId | undefined) =>
    topic ? { href: localisePath(`/evidence/${topic}`, lang), title: content.topics[topic].title } : undefined;
  const { reviewNotes: _notes, ...topic } = content.topics[id];
  return {
    ...topic,
    guideTitle: content.title,
    ui: content.ui,
    previous: link(TOPIC_IDS[index - 1]),
    next: link(TOPIC_IDS[index + 1]),
    glossary: pageGlossary(lang, topicStrings(lang, id)),
    lastChecked: lastChecked(`evidence:topics.${id}`),
    glossaryUi: glossaryUi(lang),
  };
}

export function checklistPage(lang: Lang) {
  const content = evidence(lang);
  return {
    ...content.checklist,
    guideTitle: content.title,
    ui: content.ui,
    glossary: pageGlossary(lang, checklistStrings(lang)),
    glossaryUi: glossaryUi(lang),
  };
}

/** The question flow's page for the answers so far. */
export function flowPage(lang: Lang, answers: FlowAnswers) {
  const { flow, topics, ui, title } = evidence(lang);
  const step = nextStep(answers);
  const base = { step, answers, flow: { title: flow.title, intro: flow.intro, what: flow.what, notice: flow.notice }, ui, guideTitle: title };
  if (step !== "result") return { ...base, result: undefined };
  const noticeBody = answers.notice === "yes" ? flow.result.hasNotice : answers.notice === "no" ? flow.result.noNotice : flow.result.notSureNotice;
  const questions = [...new Set(answers.what.flatMap((option) => flow.questions[option] ?? []))];
  return {
    ...base,
    result: {
      title: flow.result.title,
      intro: flow.result.intro,
      topicsHeading: flow.result.topicsHeading,
      questionsHeading: flow.result.questionsHeading,
      notice: noticeBody,
      topics: resultTopics(answers).map((id) => ({ id, title: topics[id].title, summary: topics[id].summary })),
      questions,
    },
  };
}
