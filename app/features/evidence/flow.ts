// "What might happen in my case?": two questions and a result. Pure, so the
// whole graph can be checked: every path ends on at least one topic. Answers
// travel in the form posts only; nothing is stored.
import type { TopicId } from "./content.server.ts";

export const WHAT_OPTIONS = [
  "phone",
  "other-devices",
  "social-media",
  "cloud",
  "counselling",
  "medical",
  "school",
  "social-services",
  "not-sure",
] as const;
export type WhatOption = (typeof WHAT_OPTIONS)[number];

export const NOTICE_OPTIONS = ["yes", "no", "not-sure"] as const;
export type NoticeOption = (typeof NOTICE_OPTIONS)[number];

export type FlowStep = "what" | "notice" | "result";

/** In reading order; the result lists topics in this order. */
const TOPIC_ORDER: readonly TopicId[] = [
  "why-devices",
  "reasonable-and-proportionate",
  "written-notice",
  "taking-data",
  "third-party-records",
  "who-sees-it",
  "questions-and-complaints",
];

const DIGITAL: TopicId[] = ["why-devices", "reasonable-and-proportionate", "written-notice", "taking-data", "who-sees-it"];
const RECORDS: TopicId[] = ["third-party-records", "reasonable-and-proportionate", "who-sees-it"];

const TOPICS_BY_WHAT: Record<WhatOption, TopicId[]> = {
  phone: DIGITAL,
  "other-devices": DIGITAL,
  "social-media": DIGITAL,
  cloud: DIGITAL,
  counselling: RECORDS,
  medical: RECORDS,
  school: RECORDS,
  "social-services": RECORDS,
  "not-sure": ["why-devices", "third-party-records", "questions-and-complaints"],
};

const TOPICS_BY_NOTICE: Record<NoticeOption, TopicId[]> = {
  yes: ["written-notice"],
  no: ["written-notice", "questions-and-complaints"],
  "not-sure": ["written-notice", "questions-and-complaints"],
};

export type FlowAnswers = { what: WhatOption[]; notice?: NoticeOption };

/** Reads answers from submitted values, keeping only known options. */
export function readAnswers(what: unknown[], notice: unknown): FlowAnswers {
  const chosen = WHAT_OPTIONS.filter((option) => what.includes(option));
  return {
    what: chosen,
    notice: NOTICE_OPTIONS.find((option) => option === notice),
  };
}

/** The step to show for the answers so far (the first one still unanswered). */
export function nextStep(answers: FlowAnswers): FlowStep {
  if (answers.what.length === 0) return "what";
  if (!answers.notice) return "notice";
  return "result";
}

export function resultTopics(answers: FlowAnswers): TopicId[] {
  const chosen = new Set<TopicId>([
    ...answers.what.flatMap((option) => TOPICS_BY_WHAT[option]),
    ...(answers.notice ? TOPICS_BY_NOTICE[answers.notice] : []),
  ]);
  return TOPIC_ORDER.filter((topic) => chosen.has(topic));
}
