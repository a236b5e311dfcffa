// The outcome letter says each result a trial can have, and its rules refuse
// a set of answers that could not all be true.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkTemplate, LetterRenderError, renderLetter, type Lang, type LetterMeta } from "~/features/letters/template-language.ts";

const DIR = path.resolve(import.meta.dirname, "../../../templates/letters/outcome-and-sentence");
const meta = JSON.parse(fs.readFileSync(path.join(DIR, "meta.json"), "utf8")) as LetterMeta;
const source = { en: fs.readFileSync(path.join(DIR, "en.txt"), "utf8"), cy: fs.readFileSync(path.join(DIR, "cy.txt"), "utf8") };

const base = {
  victim_name: "Sam",
  reference: "01/ZD/90871/26",
  letter_date: "2027-07-19",
  area_name: "CPS London South",
  contact_name: "Hannah Rowe",
  contact_phone: "020 7946 0123",
};

function text(values: Record<string, unknown>, lang: Lang = "en") {
  const letter = renderLetter(meta, source[lang], { ...base, ...values }, lang);
  return [letter.heading, ...letter.blocks.map((block) => (block.type === "list" ? block.items.join(" | ") : block.text))].join("\n");
}

function problems(values: Record<string, unknown>) {
  try {
    renderLetter(meta, source.en, { ...base, ...values }, "en");
    return [];
  } catch (error) {
    if (!(error instanceof LetterRenderError)) throw error;
    return error.problems.map((problem) => problem.message);
  }
}

describe("the outcome letter", () => {
  it("is valid, and every example fits its rules", () => {
    expect(checkTemplate(meta, source).map((problem) => problem.message)).toEqual([]);
  });

  it("guilty and sentenced: the sentence, the unduly lenient sentence scheme with its date, and the Probation Service's scheme", () => {
    // Day 28 is the August bank holiday, Monday 30 August 2027: the last day is the Friday before.
    const letter = text({ found_guilty: true, sentenced: true, sentence: "9 years in prison", sentence_date: "2027-08-02", letter_date: "2027-08-03", victim_contact_scheme: true });
    expect(letter).toMatch(/^The defendant has been found guilty\n/);
    expect(letter).toContain("9 years in prison");
    expect(letter).toContain("Court of Appeal is Friday 27 August 2027, by 5pm");
    expect(letter).toContain("Some sentences given in the Crown Court");
    expect(letter).toContain("The Court of Appeal then decides");
    expect(letter).toContain("The Probation Service runs it");
    expect(letter).toContain("different person from the CPS Victim Liaison Officer");
    expect(letter).not.toContain("not guilty");
  });

  it("mixed verdict: names both sets of charges, and the sentence can be put off for reports", () => {
    const letter = text({
      mixed_verdict: true,
      charges_guilty: "one charge of sexual assault",
      charges_not_guilty: "one charge of rape",
      sentence_adjourned: true,
      sentence_hearing_date: "2027-11-12",
    });
    expect(letter).toMatch(/^The defendant has been found guilty of some charges\n/);
    expect(letter).toContain("Found guilty of: one charge of sexual assault | Found not guilty of: one charge of rape");
    expect(letter).toContain("asked for reports");
    expect(letter).toContain("due to be given on Friday 12 November 2027");
    // Nothing about a sentence that has not been given.
    expect(letter).not.toContain("Attorney General");
    expect(letter).not.toContain("Victim Contact Scheme");
  });

  it("sentence put off with no date yet still reads as a whole", () => {
    const letter = text({ found_guilty: true, sentence_adjourned: true });
    expect(letter).toContain("We will write to you again when the sentence has been given.");
    expect(letter).not.toContain("due to be given on");
  });

  it("not guilty: says what it does and does not mean, with nothing about sentences", () => {
    const letter = text({ found_not_guilty: true });
    expect(letter).toMatch(/^The defendant has been found not guilty\n/);
    expect(letter).toContain("It does not mean that you were not believed.");
    expect(letter).not.toMatch(/sentence|retrial/i);
  });

  it("hung jury: a retrial, with its date when known, or no retrial and the case ends", () => {
    const retrial = text({ hung_jury: true, retrial: true, retrial_date: "2028-03-06" });
    expect(retrial).toMatch(/^The jury could not agree on a verdict\n/);
    expect(retrial).toContain("hung jury");
    expect(retrial).toContain("due to start on Monday 6 March 2028");
    expect(retrial).not.toContain("case has now ended");

    const ended = text({ hung_jury: true, no_retrial: true });
    expect(ended).toContain("not to ask for a new trial");
    expect(ended).toContain("case has now ended");
    expect(ended).not.toContain("retrial is due");
  });

  it("keeps each result and its figures in Welsh", () => {
    expect(text({ found_guilty: true, sentenced: true, sentence: "9 mlynedd yn y carchar", sentence_date: "2027-08-02", letter_date: "2027-08-03", victim_contact_scheme: true }, "cy")).toContain(
      "Llys Apêl yw dydd Gwener 27 Awst 2027, erbyn 5pm",
    );
    expect(text({ mixed_verdict: true, charges_guilty: "un", charges_not_guilty: "dau", sentence_adjourned: true }, "cy")).toMatch(/^Mae'r diffynnydd wedi'i gael yn euog o rai cyhuddiadau\n/);
    expect(text({ hung_jury: true, retrial: true }, "cy")).toContain("aildreial");
    expect(text({ found_not_guilty: true }, "cy")).toMatch(/^Mae'r diffynnydd wedi'i gael yn ddieuog\n/);
  });

  describe("refuses answers that cannot all be true", () => {
    it("no result, or two results", () => {
      expect(problems({})).toEqual([expect.stringContaining("Exactly one of ((found_guilty)), ((mixed_verdict)), ((found_not_guilty)), ((hung_jury)) must be yes; none is")]);
      expect(problems({ found_guilty: true, found_not_guilty: true, sentence_adjourned: true })).toEqual([
        expect.stringContaining("((found_guilty)), ((found_not_guilty)) are"),
      ]);
    });

    it("guilty with neither or both of sentenced and put off", () => {
      expect(problems({ found_guilty: true })).toEqual([expect.stringContaining("Exactly one of ((sentenced)), ((sentence_adjourned)) must be yes when ((found_guilty)) is yes")]);
      expect(problems({ found_guilty: true, sentenced: true, sentence_adjourned: true, sentence: "x", sentence_date: "2027-07-16", victim_contact_scheme: false })).toHaveLength(1);
    });

    it("a sentence, a retrial or the Victim Contact Scheme after not guilty", () => {
      expect(problems({ found_not_guilty: true, sentenced: true })).toContainEqual(expect.stringContaining("((sentenced)) can be yes only when one of ((found_guilty)), ((mixed_verdict)) is yes"));
      expect(problems({ found_not_guilty: true, retrial: true })).toEqual([expect.stringContaining("((retrial)) can be yes only when one of ((hung_jury)) is yes")]);
      expect(problems({ found_not_guilty: true, victim_contact_scheme: true })).toEqual([expect.stringContaining("((victim_contact_scheme)) must be left out unless ((sentenced)) is yes")]);
    });

    it("sentenced without the sentence, its date or the Victim Contact Scheme answer", () => {
      const found = problems({ found_guilty: true, sentenced: true });
      expect(found).toEqual([
        expect.stringContaining("((sentence)) is needed when ((sentenced)) is yes"),
        expect.stringContaining("((sentence_date)) is needed when ((sentenced)) is yes"),
        expect.stringContaining("((victim_contact_scheme)) is needed when ((sentenced)) is yes"),
      ]);
    });

    it("a mixed result without its charges, or charges named for a result that is not mixed", () => {
      expect(problems({ mixed_verdict: true, sentence_adjourned: true })).toHaveLength(2);
      expect(problems({ found_not_guilty: true, charges_guilty: "rape" })).toEqual([expect.stringContaining("((charges_guilty)) must be left out unless ((mixed_verdict)) is yes")]);
    });
  });

  it("tells an editor when a rule names something that is not a yes/no placeholder", () => {
    const broken: LetterMeta = {
      ...meta,
      placeholders: { ...meta.placeholders, sentence: { ...meta.placeholders.sentence!, needed_when: "sentence_date" } },
      choose_one: [{ names: ["found_guilty", "nonsense"] }],
    };
    const messages = checkTemplate(broken, source).map((problem) => problem.message);
    expect(messages).toContain(`"sentence" has needed_when "sentence_date", which is not another yes/no placeholder of this letter.`);
    expect(messages).toContain(`choose_one group 1 names "nonsense", which is not a yes/no placeholder of this letter.`);
  });
});
