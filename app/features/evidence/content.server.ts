// The digital-evidence explainer's content, from locales/<lng>/evidence.json.
import cyEvidence from "../../../locales/cy/evidence.json";
import enEvidence from "../../../locales/en/evidence.json";
import type { Body } from "~/features/content/markup.ts";
import type { Lang } from "~/features/i18n/languages.ts";

export const TOPIC_IDS = [
  "why-devices",
  "reasonable-and-proportionate",
  "written-notice",
  "taking-data",
  "third-party-records",
  "who-sees-it",
  "questions-and-complaints",
] as const;
export type TopicId = (typeof TOPIC_IDS)[number];

export function isTopicId(value: unknown): value is TopicId {
  return typeof value === "string" && (TOPIC_IDS as readonly string[]).includes(value);
}

export type Topic = {
  title: string;
  summary: string;
  sections: Record<string, { heading: string; body: Body }>;
  reviewNotes: string[];
};

export type ChecklistGroup = { heading: string; questions: string[] };

export type Evidence = {
  title: string;
  intro: Body;
  topics: Record<TopicId, Topic>;
  flow: {
    title: string;
    intro: Body;
    what: { question: string; hint: string; options: Record<string, string> };
    notice: { question: string; hint: string; options: Record<string, string> };
    result: {
      title: string;
      intro: string;
      topicsHeading: string;
      questionsHeading: string;
      hasNotice: Body;
      noNotice: Body;
      notSureNotice: Body;
    };
    questions: Record<string, string[]>;
  };
  checklist: { title: string; intro: Body; groups: Record<string, ChecklistGroup> };
  ui: typeof enEvidence.ui;
};

const files: Record<Lang, Evidence> = {
  en: enEvidence as unknown as Evidence,
  cy: cyEvidence as unknown as Evidence,
};

export function evidence(lang: Lang): Evidence {
  return files[lang];
}

/** Everything a reader sees of a topic, as strings. */
export function topicStrings(lang: Lang, id: TopicId): string[] {
  const topic = files[lang].topics[id];
  return [
    topic.title,
    topic.summary,
    ...Object.values(topic.sections).flatMap((section) => [section.heading, ...section.body.flatMap(blockStrings)]),
  ];
}

export function checklistStrings(lang: Lang): string[] {
  const { title, intro, groups } = files[lang].checklist;
  return [title, ...intro.flatMap(blockStrings), ...Object.values(groups).flatMap((g) => [g.heading, ...g.questions])];
}

function blockStrings(block: Body[number]): string[] {
  return typeof block === "string" ? [block] : (Object.values(block).flat() as string[]);
}
