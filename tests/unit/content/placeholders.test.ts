// Placeholder names are never translated: a Welsh string names exactly the
// ((placeholders)) its English twin names, so an editor who follows the Welsh
// hint for letter editors writes ((victim_name)), never ((enw)).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const LOCALES = path.resolve(import.meta.dirname, "../../../locales");
const read = (lang: "en" | "cy", file: string) => JSON.parse(fs.readFileSync(path.join(LOCALES, lang, file), "utf8")) as unknown;

/** Every string in a locale file, by its dotted path. */
function strings(value: unknown, prefix = ""): [string, string][] {
  if (typeof value === "string") return [[prefix, value]];
  if (Array.isArray(value)) return value.flatMap((child, i) => strings(child, `${prefix}.${i}`));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, child]) => strings(child, prefix ? `${prefix}.${key}` : key));
  }
  return [];
}

const placeholders = (text: string) => [...text.matchAll(/\(\(([^()]*)\)\)/g)].map((match) => match[0]).sort();

describe("the hint for letter editors", () => {
  const en = new Map(strings(read("en", "common.json")));
  const cy = new Map(strings(read("cy", "common.json")));

  it("shows ((victim_name)) in Welsh exactly as in English, and no translated placeholder", () => {
    const hint = { en: en.get("letters.bodyHint"), cy: cy.get("letters.bodyHint") };
    expect(hint.en).toContain("((victim_name))");
    expect(hint.cy).toContain("((victim_name))");
    expect(hint.cy).not.toMatch(/\(\(\s*enw\s*\)\)/i);
    expect(placeholders(hint.cy!)).toEqual(placeholders(hint.en!));
  });
});

const namespaces = fs.readdirSync(path.join(LOCALES, "en")).filter((file) => file.endsWith(".json"));

describe.each(namespaces)("%s", (file) => {
  it("names the same placeholders in Welsh as in English, string by string", () => {
    const en = new Map(strings(read("en", file)));
    const cy = new Map(strings(read("cy", file)));
    const keys = [...new Set([...en.keys(), ...cy.keys()])];
    const differ = keys.filter((key) => {
      const [english, welsh] = [en.get(key) ?? "", cy.get(key) ?? ""];
      return JSON.stringify(placeholders(welsh)) !== JSON.stringify(placeholders(english));
    });
    expect(differ).toEqual([]);
  });
});
