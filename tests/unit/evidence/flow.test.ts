import { describe, expect, it } from "vitest";
import { evidence, TOPIC_IDS } from "~/features/evidence/content.server.ts";
import { nextStep, NOTICE_OPTIONS, readAnswers, resultTopics, WHAT_OPTIONS, type FlowAnswers } from "~/features/evidence/flow.ts";
import { LANGUAGES } from "~/features/i18n/languages.ts";

// Every subset of the first question's options, with every answer to the second.
function* everyPath(): Generator<FlowAnswers> {
  for (let mask = 1; mask < 1 << WHAT_OPTIONS.length; mask++) {
    const what = WHAT_OPTIONS.filter((_, i) => mask & (1 << i));
    for (const notice of NOTICE_OPTIONS) yield { what, notice };
  }
}

describe("the question flow", () => {
  it("has no dead end: every complete path reaches at least one topic, and questions to ask", () => {
    let paths = 0;
    for (const answers of everyPath()) {
      paths += 1;
      expect(nextStep(answers)).toBe("result");
      const topics = resultTopics(answers);
      expect(topics.length, JSON.stringify(answers)).toBeGreaterThan(0);
      for (const topic of topics) expect(TOPIC_IDS).toContain(topic);
      for (const lang of LANGUAGES) {
        const questions = answers.what.flatMap((option) => evidence(lang).flow.questions[option] ?? []);
        expect(questions.length, `${lang} ${JSON.stringify(answers)}`).toBeGreaterThan(0);
      }
    }
    expect(paths).toBe((2 ** WHAT_OPTIONS.length - 1) * NOTICE_OPTIONS.length);
  });

  it("reaches every topic from some path", () => {
    const reached = new Set<string>();
    for (const answers of everyPath()) for (const topic of resultTopics(answers)) reached.add(topic);
    expect([...reached].sort()).toEqual([...TOPIC_IDS].sort());
  });

  it("asks the first question until it is answered, then the second", () => {
    expect(nextStep({ what: [] })).toBe("what");
    expect(nextStep({ what: [], notice: "yes" })).toBe("what");
    expect(nextStep({ what: ["phone"] })).toBe("notice");
    expect(nextStep({ what: ["phone"], notice: "no" })).toBe("result");
  });

  it("leads to the right topics", () => {
    expect(resultTopics({ what: ["counselling"], notice: "yes" })).toEqual([
      "reasonable-and-proportionate",
      "written-notice",
      "third-party-records",
      "who-sees-it",
    ]);
    expect(resultTopics({ what: ["phone"], notice: "no" })).toContain("taking-data");
    expect(resultTopics({ what: ["phone"], notice: "no" })).not.toContain("third-party-records");
  });

  it("ignores anything that is not an option", () => {
    expect(readAnswers(["phone", "<script>", "phone", 42], "maybe")).toEqual({ what: ["phone"], notice: undefined });
  });

  it("has wording for every option and questions for every choice, in both languages", () => {
    for (const lang of LANGUAGES) {
      const { flow } = evidence(lang);
      expect(Object.keys(flow.what.options).sort()).toEqual([...WHAT_OPTIONS].sort());
      expect(Object.keys(flow.notice.options).sort()).toEqual([...NOTICE_OPTIONS].sort());
      for (const option of WHAT_OPTIONS) expect(flow.questions[option]?.length, `${lang} ${option}`).toBeGreaterThan(0);
    }
  });
});
