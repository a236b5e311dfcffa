// The order of the walkthrough's stages, from support without reporting to
// after the sentence. Pure: the pages, the "Where am I now?" question, the PDF
// and the tests all follow this list.
export const STAGE_IDS = [
  "support",
  "reporting",
  "investigation",
  "no-further-action",
  "charging-decision",
  "charge-and-first-hearings",
  "preparing-for-trial",
  "trial",
  "verdict-and-sentence",
  "after-sentence",
] as const;

export type StageId = (typeof STAGE_IDS)[number];

export const SECTION_IDS = ["whatHappens", "howLong", "yourRights", "yourChoices", "yourContact", "supportNow"] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export function isStageId(value: unknown): value is StageId {
  return typeof value === "string" && (STAGE_IDS as readonly string[]).includes(value);
}

export function stageNumber(id: StageId): number {
  return STAGE_IDS.indexOf(id) + 1;
}

export function neighbours(id: StageId): { previous?: StageId; next?: StageId } {
  const index = STAGE_IDS.indexOf(id);
  return { previous: STAGE_IDS[index - 1], next: STAGE_IDS[index + 1] };
}
