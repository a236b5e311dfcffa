// The fact register and the text it vouches for stay in step: every place it
// names exists in both languages, every fact has an official source, and a
// registered figure still appears wherever the fact is stated.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FACTS, FACT_FILES, factsFor, lastChecked, type Fact } from "~/features/content/fact-register.ts";
import { plainText } from "~/features/content/markup.ts";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const LANGS = ["en", "cy"] as const;
type Lang = (typeof LANGS)[number];

const localeFiles = new Map<string, unknown>();
function localeFile(lang: Lang, namespace: string): unknown {
  const file = path.join(ROOT, "locales", lang, `${namespace}.json`);
  if (!localeFiles.has(file)) {
    localeFiles.set(file, fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : undefined);
  }
  return localeFiles.get(file);
}

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

const normalise = (text: string) => text.replace(/\s+/g, " ").toLowerCase();

/** The plain text at a place ("ns:dotted.path"), or undefined if it does not exist. */
function textAt(lang: Lang, place: string): string | undefined {
  const [namespace, dotted] = place.split(":");
  let node = localeFile(lang, namespace!);
  for (const part of (dotted ?? "").split(".")) {
    if (!node || typeof node !== "object" || !(part in node)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  const found = strings(node);
  return found.length ? normalise(found.map(plainText).join(" ")) : undefined;
}

function templateText(lang: Lang, template: string): string | undefined {
  const file = path.join(ROOT, "templates", template, `${lang}.txt`);
  return fs.existsSync(file) ? normalise(fs.readFileSync(file, "utf8")) : undefined;
}

const byId = (fact: Fact) => [fact.id, fact] as const;

describe("fact register", () => {
  it("names each fact once", () => {
    const ids = FACTS.map((fact) => fact.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("has a file for each content area, each a list of facts", () => {
    for (const [name, file] of Object.entries(FACT_FILES)) {
      expect(Array.isArray(file.facts), name).toBe(true);
    }
  });

  describe.each(FACTS.map(byId))("%s", (_id, fact) => {
    it("says what it vouches for, where, and when it was checked", () => {
      expect(fact.statement.trim().length).toBeGreaterThan(10);
      expect(fact.keys.length + (fact.templates ?? []).length).toBeGreaterThan(0);
      expect(fact.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(fact.checked))).toBe(false);
      expect(Date.parse(fact.checked)).toBeLessThanOrEqual(Date.now());
    });

    it("has an official source with its address", () => {
      expect(fact.sources.length).toBeGreaterThan(0);
      for (const source of fact.sources) {
        expect(source.title.trim()).not.toBe("");
        expect(new URL(source.url).protocol).toBe("https:");
      }
    });

    it.each(LANGS)("is stated in %s wherever the register says, with its figure", (lang) => {
      for (const key of fact.keys) {
        const text = textAt(lang, key);
        expect(text, `${key} is missing in ${lang}`).toBeDefined();
        if (fact.figure) expect(text, `${key} (${lang}) no longer says "${fact.figure[lang]}"`).toContain(normalise(fact.figure[lang]));
      }
      for (const template of fact.templates ?? []) {
        const text = templateText(lang, template);
        expect(text, `${template} has no ${lang} text`).toBeDefined();
        if (fact.figure) expect(text, `${template} (${lang}) no longer says "${fact.figure[lang]}"`).toContain(normalise(fact.figure[lang]));
      }
    });
  });
});

describe("finding facts by place", () => {
  const sample = FACTS.find((fact) => fact.keys.length > 0);

  it.runIf(sample)("finds a fact from a place above the key that states it", () => {
    const key = sample!.keys[0]!;
    const namespace = key.split(":")[0]!;
    expect(factsFor(`${namespace}:${key.split(":")[1]!.split(".")[0]}`)).toContain(sample);
    expect(lastChecked(key)! <= sample!.checked).toBe(true);
  });

  it("finds nothing for a place that states no fact", () => {
    expect(factsFor("nowhere:at.all")).toEqual([]);
    expect(lastChecked("nowhere:at.all")).toBeNull();
  });
});
