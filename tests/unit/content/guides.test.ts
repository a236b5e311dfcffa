// The guides' content: the same in shape in English and Welsh, each placed on
// at least one real walkthrough step, in the offline copy, and dated from the
// fact register.
import { describe, expect, it } from "vitest";
import { factsFor } from "~/features/content/fact-register.ts";
import { GUIDE_IDS, guides, guideSummaries } from "~/features/guides/content.server.ts";
import { guidePage } from "~/features/guides/pages.server.ts";
import { TOPIC_IDS } from "~/features/evidence/content.server.ts";
import { OFFLINE_PAGES } from "~/features/offline/manifest.server.ts";
import { isStageId, STAGE_IDS } from "~/features/walkthrough/stages.ts";

function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shape(inner)]));
  return typeof value;
}

describe("the guides", () => {
  it("have the same sections, lists and steps in English and Welsh", () => {
    expect(shape(guides("cy"))).toEqual(shape(guides("en")));
    expect(Object.keys(guides("en").guides).sort()).toEqual([...GUIDE_IDS].sort());
  });

  it("each belong to the same real walkthrough steps in both languages", () => {
    for (const id of GUIDE_IDS) {
      const stages = guides("en").guides[id].stages;
      expect(stages.length, id).toBeGreaterThan(0);
      expect(stages.every(isStageId), id).toBe(true);
      expect(guides("cy").guides[id].stages).toEqual(stages);
    }
  });

  it("are listed on the steps they name, and only there", () => {
    for (const stage of STAGE_IDS) {
      const listed = guideSummaries("en", stage).map((guide) => guide.id);
      expect(listed).toEqual(GUIDE_IDS.filter((id) => guides("en").guides[id].stages.includes(stage)));
    }
    expect(guideSummaries("cy", "trial").map((guide) => guide.id)).toEqual(["day-in-court", "anonymity"]);
  });

  it("are kept for offline reading", () => {
    expect(OFFLINE_PAGES).toContain("/guides");
    for (const id of GUIDE_IDS) expect(OFFLINE_PAGES).toContain(`/guides/${id}`);
  });

  it("each have a last-checked date: the oldest check among the facts they state", () => {
    for (const id of GUIDE_IDS) {
      const dates = factsFor(`guides:guides.${id}`).map((fact) => fact.checked).sort();
      expect(dates.length, id).toBeGreaterThan(0);
      expect(guidePage("en", id).lastChecked).toBe(dates[0]);
    }
  });
});

describe("last checked", () => {
  it("every page the readability report lists that states a fact has a date from the register", async () => {
    const { lastChecked } = await import("~/features/content/fact-register.ts");
    const places = [
      ...STAGE_IDS.map((id) => `walkthrough:stages.${id}`),
      ...GUIDE_IDS.map((id) => `guides:guides.${id}`),
      ...TOPIC_IDS.map((id) => `evidence:topics.${id}`),
      "glossary:terms",
      "special-measures:measures",
      "pages:getHelp",
      "pages:preTrialMeeting",
    ];
    const undated = places.filter((place) => lastChecked(place) === null);
    expect(undated).toEqual([]);
  });
});
