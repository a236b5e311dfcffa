// The walkthrough and the glossary state victims' rights as the schemes do, in
// both languages: what the right to review covers, late requests, the sentence
// review, the personal statement, the pre-trial meeting, the two Victim Liaison
// Officers, protection in cross-examination and every outcome of a trial. No
// victim-facing text or letter uses words that make light of what happened.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { plainText } from "~/features/content/markup.ts";
import { splitSentences } from "~/features/content/readability.ts";
import { glossary } from "~/features/glossary/glossary.server.ts";
import type { Lang } from "~/features/i18n/languages.ts";
import { stage, stageStrings, STAGE_IDS, walkthrough } from "~/features/walkthrough/content.server.ts";
import type { StageId } from "~/features/walkthrough/stages.ts";

function allStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === "object") return Object.values(value).flatMap(allStrings);
  return [];
}

/** Everything a reader can see in the walkthrough and the glossary, as plain text. */
function readerText(lang: Lang): string[] {
  const { deadline } = walkthrough(lang);
  return [
    ...allStrings(deadline),
    ...STAGE_IDS.flatMap((id) => stageStrings(lang, id)),
    ...Object.values(glossary(lang)).flatMap((term) => [term.term, term.definition]),
  ].map(plainText);
}

const sentences = (lang: Lang) => readerText(lang).flatMap((text) => splitSentences(text));
const sectionText = (lang: Lang, id: StageId, section: keyof ReturnType<typeof stage>["sections"]) =>
  plainText(allStrings(stage(lang, id).sections[section]).join(" "));
const definition = (lang: Lang, id: string) => plainText(glossary(lang)[id]!.definition);

const WORDS = {
  en: {
    review: /review/i,
    changedCharge: /\b(chang\w*|reduc\w*|lesser|alter\w*)\b(\s+\w+){0,3}\s+charges?\b|\bcharges?\b(\s+\w+){0,3}\s+(chang|reduc|alter)\w*/i,
    denies: /\b(does not|do not|cannot|not)\b/i,
    exceptional: /exceptional circumstances/i,
    threeMonths: /3 months/,
    agDecides: /Attorney General[^.]*\bdecides\b/,
    coaDecides: /Court of Appeal[^.]*\bdecides\b/,
    anyone: /\banyone can ask\b/i,
    someSentences: /only some[^.]*Crown Court/i,
    courtDecides: /court (decides|will decide)/i,
    cannotExtend: /cannot be extended/i,
    complain: /complain/i,
    preTrialMeeting: /pre-trial meeting/i,
    code: /Victims' Code/,
    vlo: /\b(Victim Liaison Officer|VLO)\b/,
    vloNamed: /\b(CPS|probation|Probation)\b/,
    inPerson: /not allowed to question you in person/i,
    sexualHistory: /sexual history/i,
    mixed: /mixed verdict/i,
    hung: /hung jury/i,
    retrial: /retrial/i,
    reports: /reports about the defendant/i,
    acquittal: /not a finding that you lied/i,
    caution: /interviewed under caution/i,
    unreported: /whether or not you report/i,
    askDisclosure: /ask the police what may be shared and why/i,
    minimising: [/\bsimply\b/i, /healing takes time/i, /\bjust\b/i],
  },
  cy: {
    review: /adolyg/i,
    changedCharge: /\bnewid\w*\s+(i\s+)?(g|ch)?yhuddiad|cyhuddiad\w*\s+sydd wedi newid/i,
    denies: /\b(nid yw|nid|ddim|dim modd)\b/i,
    exceptional: /amgylchiadau eithriadol/i,
    threeMonths: /3 mis/,
    agDecides: /Twrnai Cyffredinol[^.]*\bpenderfynu\b/,
    coaDecides: /Llys Apêl[^.]*\bpenderfynu\b/,
    anyone: /\bgall unrhyw un\b/i,
    someSentences: /dim ond rhai dedfrydau[^.]*Llys y Goron/i,
    courtDecides: /llys (sy'n|fydd yn) penderfynu/i,
    cannotExtend: /dim modd (ei )?ymestyn/i,
    complain: /\b[cg]wyno\b/i,
    preTrialMeeting: /cyfarfod cyn y treial/i,
    code: /Cod i Ddioddefwyr/,
    vlo: /\b(Swyddog Cyswllt Dioddefwyr|VLO)\b/,
    vloNamed: /\b(CPS|prawf|Prawf)\b/,
    inPerson: /dim hawl gan y diffynnydd i'ch holi chi ei hun/i,
    sexualHistory: /hanes rhywiol/i,
    mixed: /dyfarniad cymysg/i,
    hung: /rheithgor crog/i,
    retrial: /ail dreial/i,
    reports: /adroddiadau am y diffynnydd/i,
    acquittal: /nid yw'n dweud eich bod chi wedi dweud celwydd/i,
    caution: /dan rybudd/i,
    unreported: /p'un a ydych yn rhoi gwybod am y drosedd ai peidio/i,
    askDisclosure: /ofyn i'r heddlu beth allai gael ei rannu a pham/i,
    minimising: [/\byn syml\b/i, /gwella('n| yn) cymryd amser/i],
  },
} as const;

describe.each(["en", "cy"] as const)("victims' rights as stated in %s", (lang) => {
  const w = WORDS[lang];

  it("never offers a review of a changed charge, and says plainly that one is not covered", () => {
    const aboutChangedCharges = sentences(lang).filter((sentence) => w.changedCharge.test(sentence));
    const offers = aboutChangedCharges.filter((sentence) => w.review.test(sentence) && !w.denies.test(sentence));
    expect(offers).toEqual([]);
    const denials = aboutChangedCharges.filter((sentence) => w.denies.test(sentence));
    expect(denials.length).toBeGreaterThanOrEqual(3);
    expect(w.changedCharge.test(definition(lang, "victims-right-to-review"))).toBe(true);
  });

  it("says a late request for a CPS review is looked at only in exceptional circumstances", () => {
    for (const text of [
      walkthrough(lang).deadline["right-to-review"].passed,
      sectionText(lang, "charging-decision", "howLong"),
      definition(lang, "victims-right-to-review"),
    ]) {
      expect(text).toMatch(w.exceptional);
      expect(text).toMatch(w.threeMonths);
    }
    expect(readerText(lang).join(" ")).not.toMatch(/up to 3 months|hyd at 3 mis/i);
  });

  it("says who may ask for a sentence review, which sentences qualify, and who decides", () => {
    for (const text of [sectionText(lang, "verdict-and-sentence", "yourRights"), definition(lang, "unduly-lenient-sentence")]) {
      expect(text).toMatch(w.agDecides);
      expect(text).toMatch(w.coaDecides);
      expect(text).toMatch(w.someSentences);
    }
    expect(sectionText(lang, "verdict-and-sentence", "yourRights")).toMatch(w.anyone);
  });

  it("tells someone whose sentence review time has passed, calmly, what they can still do", () => {
    const passed = walkthrough(lang).deadline["unduly-lenient-sentence"].passed;
    expect(passed).toMatch(w.cannotExtend);
    expect(passed).toMatch(/ISVA/);
    expect(passed).toMatch(w.complain);
  });

  it("says reading the Victim Personal Statement aloud depends on the court", () => {
    expect(definition(lang, "victim-personal-statement")).toMatch(w.courtDecides);
    expect(sectionText(lang, "verdict-and-sentence", "yourRights")).toMatch(w.courtDecides);
    expect(sectionText(lang, "verdict-and-sentence", "yourChoices")).toMatch(w.courtDecides);
  });

  it("never calls the pre-trial meeting a Victims' Code right", () => {
    const both = readerText(lang).filter((text) => w.preTrialMeeting.test(text) && w.code.test(text));
    expect(both.length).toBeGreaterThan(0);
    for (const text of [...both, definition(lang, "pre-trial-meeting")]) {
      expect(text).toMatch(w.code);
      expect(text).toMatch(w.denies);
    }
  });

  it("says what a pre-trial meeting cannot cover and that its note may reach the defence", () => {
    for (const text of [sectionText(lang, "preparing-for-trial", "yourChoices"), definition(lang, "pre-trial-meeting")]) {
      expect(text).toMatch(lang === "en" ? /cannot talk[^.]*evidence/i : /dim modd i'r erlynydd siarad[^.]*dystiolaeth/i);
      expect(text).toMatch(lang === "en" ? /note[^.]*kept[^.]*shared with the defence/i : /nodyn[^.]*gadw[^.]*rannu gyda'r amddiffyniad/i);
    }
  });

  it("names every Victim Liaison Officer as the CPS's or the Probation Service's", () => {
    const termNames = new Set(Object.values(glossary(lang)).map((term) => term.term));
    const mentions = readerText(lang).filter((text) => w.vlo.test(text) && !termNames.has(text));
    expect(mentions.length).toBeGreaterThan(4);
    for (const text of mentions) expect(text).toMatch(w.vloNamed);
    const vlo = definition(lang, "vlo");
    expect(vlo).toMatch(/CPS/);
    expect(vlo).toMatch(lang === "en" ? /Probation Service/ : /Gwasanaeth Prawf/);
  });

  it("says what protects someone in cross-examination", () => {
    for (const text of [sectionText(lang, "trial", "whatHappens"), definition(lang, "cross-examination")]) {
      expect(text).toMatch(w.sexualHistory);
    }
    expect(sectionText(lang, "trial", "whatHappens")).toMatch(w.inPerson);
  });

  it("describes every outcome of a trial, and an acquittal with care", () => {
    const verdict = sectionText(lang, "verdict-and-sentence", "whatHappens");
    for (const outcome of [w.mixed, w.hung, w.retrial, w.reports, w.acquittal]) expect(verdict).toMatch(outcome);
  });

  it("states the police review, support without reporting and what to ask about disclosure", () => {
    expect(sectionText(lang, "no-further-action", "yourRights")).toMatch(w.caution);
    expect(sectionText(lang, "no-further-action", "howLong")).toMatch(w.threeMonths);
    expect(sectionText(lang, "support", "yourRights")).toMatch(w.unreported);
    expect(sectionText(lang, "investigation", "whatHappens")).toMatch(w.askDisclosure);
    expect(definition(lang, "disclosure")).toMatch(w.askDisclosure);
  });

  it("uses no words that make light of what someone is going through", () => {
    const text = readerText(lang).join("\n");
    for (const word of w.minimising) expect(text).not.toMatch(word);
  });
});

const ROOT = path.resolve(import.meta.dirname, "../../..");
/** The namespaces a victim reads. */
const VICTIM_NAMESPACES = ["walkthrough", "glossary", "evidence", "guides", "pages", "special-measures"] as const;

/** Every string a reader can see in a locale file: reviewers' notes left out. */
function readerStrings(value: unknown, where: string): [string, string][] {
  if (typeof value === "string") return [[where, value]];
  if (Array.isArray(value)) return value.flatMap((child, i) => readerStrings(child, `${where}.${i}`));
  if (value && typeof value === "object") {
    return Object.entries(value)
      .filter(([key]) => key !== "reviewNotes")
      .flatMap(([key, child]) => readerStrings(child, `${where}.${key}`));
  }
  return [];
}

/** The letter and e-mail templates, as [place, text]. */
function templates(lang: Lang): [string, string][] {
  return ["letters", "email"].flatMap((kind) => {
    const dir = path.join(ROOT, "templates", kind);
    return fs
      .readdirSync(dir)
      .filter((id) => fs.existsSync(path.join(dir, id, `${lang}.txt`)))
      .map((id): [string, string] => [`${kind}/${id}/${lang}.txt`, fs.readFileSync(path.join(dir, id, `${lang}.txt`), "utf8")]);
  });
}

describe.each(["en", "cy"] as const)("the tone of everything a victim reads in %s", (lang) => {
  const places: [string, string][] = [
    ...VICTIM_NAMESPACES.flatMap((namespace) =>
      readerStrings(JSON.parse(fs.readFileSync(path.join(ROOT, "locales", lang, `${namespace}.json`), "utf8")), namespace),
    ),
    ...templates(lang),
  ];

  it("covers every victim-facing namespace and the letters", () => {
    for (const namespace of VICTIM_NAMESPACES) expect(places.some(([where]) => where.startsWith(`${namespace}.`))).toBe(true);
    expect(places.filter(([where]) => where.startsWith("letters/")).length).toBeGreaterThanOrEqual(12);
  });

  it.each(WORDS[lang].minimising.map((word) => [String(word), word] as const))("never says %s", (_name, word) => {
    const found = places.filter(([, text]) => word.test(plainText(text))).map(([where]) => where);
    expect(found).toEqual([]);
  });
});
