// The charges-changed letter: a changed charge is explained, never offered the
// Victims' Right to Review (the scheme does not cover it); a stopped case is.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { splitSentences } from "~/features/content/readability.ts";
import { renderLetter, type Lang, type LetterMeta } from "~/features/letters/template-language.ts";

const DIR = path.resolve(import.meta.dirname, "../../../templates/letters/charges-changed");
const meta = JSON.parse(fs.readFileSync(path.join(DIR, "meta.json"), "utf8")) as LetterMeta;
const source: Record<Lang, string> = {
  en: fs.readFileSync(path.join(DIR, "en.txt"), "utf8"),
  cy: fs.readFileSync(path.join(DIR, "cy.txt"), "utf8"),
};

const base = {
  victim_name: "Sam",
  reference: "20/KB/90554/27",
  letter_date: "2027-03-10",
  area_name: "CPS West Midlands",
  contact_name: "Imran Siddiqui",
  contact_phone: "0121 496 0734",
  decision_reason: "A medical expert has now written a report.",
};
const changed = { ...base, case_stopped: false, old_charge: "assault by penetration", new_charge: "sexual assault" };
const stopped = { ...base, case_stopped: true, old_charge: "rape" };

function sentences(values: Record<string, unknown>, lang: Lang): string[] {
  const letter = renderLetter(meta, source[lang], values, lang);
  const texts = [letter.heading, ...letter.blocks.flatMap((block) => (block.type === "list" ? block.items : [block.text]))];
  return texts.flatMap((text) => splitSentences(text));
}

const WORDS = {
  en: {
    review: /\breview\b/i,
    denial: "The Victims' Right to Review does not cover a change to a charge.",
    offers: [
      "You can ask us to look at this decision again.",
      "This is called the Victims' Right to Review.",
      "An ISVA can also help you ask for a review.",
    ],
  },
  cy: {
    review: /adolyg/i,
    denial: "Dydy Hawl Dioddefwyr i Adolygiad ddim yn cynnwys newid i gyhuddiad.",
    offers: [
      "Gallwch chi ofyn i ni edrych ar y penderfyniad hwn eto.",
      "Hawl Dioddefwyr i Adolygiad yw'r enw ar hyn.",
      "Gall ISVA hefyd eich helpu i ofyn am adolygiad.",
    ],
  },
} as const;

describe.each(["en", "cy"] as const)("the charges-changed letter in %s", (lang) => {
  const w = WORDS[lang];

  it("for a changed charge, mentions a review only to say the scheme does not cover it", () => {
    const all = sentences(changed, lang);
    expect(all.filter((sentence) => w.review.test(sentence))).toEqual([w.denial]);
    for (const offer of w.offers) expect(all).not.toContain(offer);
    const text = all.join(" ");
    expect(text).not.toMatch(lang === "en" ? /ask for a review|10 working days/i : /ofyn am adolygiad|10 diwrnod gwaith/i);
  });

  it("for a changed charge, still explains it and offers to meet or talk", () => {
    const text = sentences(changed, lang).join(" ");
    expect(text).toContain(changed.new_charge);
    expect(text).toContain(base.decision_reason);
    expect(text).toMatch(lang === "en" ? /offer you a meeting/ : /gynnig cyfarfod/);
    expect(text).toMatch(lang === "en" ? /make a complaint/ : /wneud cwyn/);
  });

  it("for a stopped case, offers the Victims' Right to Review, with an ISVA's help", () => {
    const all = sentences(stopped, lang);
    for (const offer of w.offers) expect(all).toContain(offer);
    expect(all).not.toContain(w.denial);
    expect(all.join(" ")).toMatch(lang === "en" ? /by Wednesday 24 March 2027/ : /erbyn dydd Mercher 24 Mawrth 2027/);
  });
});
