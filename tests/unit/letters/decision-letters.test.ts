// The letters for a case stopped in court, charges left on file, a changed
// hearing and a defendant's appeal: each offers the Victims' Right to Review
// only where the scheme covers the decision, and says what the victim can expect.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LetterRenderError, renderLetter, type Lang, type LetterMeta } from "~/features/letters/template-language.ts";

const DIR = path.resolve(import.meta.dirname, "../../../templates/letters");

function letter(id: string) {
  const read = (file: string) => fs.readFileSync(path.join(DIR, id, file), "utf8");
  const meta = JSON.parse(read("meta.json")) as LetterMeta;
  const source = { en: read("en.txt"), cy: read("cy.txt") };
  const base = {
    victim_name: "Sam",
    reference: "01/EK/90733/26",
    letter_date: "2026-12-14",
    area_name: "CPS London North",
    contact_name: "Grace Lindqvist",
    contact_phone: "020 7946 0871",
  };
  const text = (values: Record<string, unknown>, lang: Lang = "en") => {
    const rendered = renderLetter(meta, source[lang], { ...base, ...values }, lang);
    return [rendered.heading, ...rendered.blocks.map((block) => (block.type === "list" ? block.items.join(" | ") : block.text))].join("\n");
  };
  const problems = (values: Record<string, unknown>) => {
    try {
      text(values);
      return [];
    } catch (error) {
      if (!(error instanceof LetterRenderError)) throw error;
      return error.problems.map((problem) => problem.message);
    }
  };
  return { text, problems };
}

describe("offer no evidence", () => {
  const { text } = letter("offer-no-evidence");
  const values = { hearing_date: "2026-12-11", decision_reason: "New evidence came to light." };

  it("offers a review by the 10th working day after the letter, and says the case cannot restart", () => {
    const en = text(values);
    expect(en).toContain("Victims' Right to Review");
    // 14 December 2026 + 10 working days, not counting 25 December or 28 December (the Boxing Day holiday, moved from a Saturday).
    expect(en).toContain("by Wednesday 30 December 2026");
    expect(en).toContain("the case cannot start again, even if the review finds that our decision was wrong");
    expect(en).toContain("more than 3 months after the decision is looked at only in exceptional circumstances");
    expect(text(values, "cy")).toContain("erbyn dydd Mercher 30 Rhagfyr 2026");
  });
});

describe("charges left on file", () => {
  const { text, problems } = letter("left-on-file");
  const reason = { hearing_date: "2026-12-04", decision_reason: "The defendant pleaded guilty to the other charge." };

  it("offers a review only when every charge is left on file", () => {
    const all = text({ ...reason, all_charges: true });
    expect(all).toMatch(/^The charges in your case have been left on file\n/);
    expect(all).toContain("You can ask us to look at the decision again. This is called the Victims' Right to Review.");
    expect(all).toContain("by Wednesday 30 December 2026");
    expect(all).toContain("ask the court for permission to start the charges again");

    const some = text({ ...reason, all_charges: false, charges_on_file: "one charge of sexual assault" });
    expect(some).toMatch(/^Some charges in your case have been left on file\n/);
    expect(some).toContain("one charge of sexual assault");
    expect(some).toContain("the Victims' Right to Review does not apply to this decision");
    expect(some).not.toContain("You can ask us to look at the decision again");
    expect(some).not.toContain("30 December 2026");
    expect(text({ ...reason, all_charges: false, charges_on_file: "un cyhuddiad" }, "cy")).toContain("dydy Hawl Dioddefwyr i Adolygiad ddim yn berthnasol");
  });

  it("needs the charges left on file when not all are, and refuses them when all are", () => {
    expect(problems({ ...reason, all_charges: false })).toEqual(["((charges_on_file)) is needed when ((all_charges)) is no."]);
    expect(problems({ ...reason, all_charges: true, charges_on_file: "rape" })).toEqual(["((charges_on_file)) must be left out unless ((all_charges)) is no."]);
  });
});

describe("hearing changed or trial adjourned", () => {
  const { text } = letter("hearing-changed");
  const base = { old_date: "2027-01-11", court_name: "Snaresbrook Crown Court" };

  it("gives the new date and the reason where they are known", () => {
    const known = text({ ...base, trial_adjourned: true, new_date: "2027-04-19", change_reason: "No judge was free." });
    expect(known).toMatch(/^Your trial will not go ahead on the date you were given\n/);
    expect(known).toContain("It was due on: Monday 11 January 2027 | Court: Snaresbrook Crown Court");
    expect(known).toContain("The court has set a new date: Monday 19 April 2027.");
    expect(known).toContain("No judge was free.");
    expect(known).toContain("special measures");
  });

  it("says plainly when there is no new date yet, or a reason cannot be given", () => {
    const unknown = text({ ...base, trial_adjourned: false });
    expect(unknown).toMatch(/^A court hearing in your case has been moved\n/);
    expect(unknown).toContain("The court has not set a new date yet.");
    expect(unknown).toContain("We cannot give you the reason in this letter.");
    expect(unknown).not.toContain("special measures");
  });
});

describe("the defendant's appeal", () => {
  const { text, problems } = letter("appeal-lodged");

  it("says what the appeal is against, that permission comes first, and that the result stands meanwhile", () => {
    const sentence = text({ against_sentence: true });
    expect(sentence).toContain("asked to appeal against their sentence.");
    expect(sentence).toContain("permission to appeal");
    expect(sentence).toContain("the result and the sentence stay as they are");
    expect(sentence).not.toContain("retrial");
    expect(text({ against_conviction: true })).toContain("retrial");
    expect(text({ against_both: true }, "cy")).toContain("yn erbyn cael ei gael yn euog ac yn erbyn ei ddedfryd.");
  });

  it("refuses a letter that does not say what the appeal is against", () => {
    expect(problems({})).toEqual([expect.stringContaining("Exactly one of ((against_conviction)), ((against_sentence)), ((against_both)) must be yes")]);
  });
});
