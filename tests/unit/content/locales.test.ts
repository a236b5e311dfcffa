// Every English string has a Welsh one, and the other way round.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const LOCALES = path.resolve(import.meta.dirname, "../../../locales");

function keys(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, child]) => keys(child, `${prefix}${key}.`));
  }
  return [prefix.slice(0, -1)];
}

const namespaces = fs.readdirSync(path.join(LOCALES, "en")).filter((file) => file.endsWith(".json"));

describe("locales", () => {
  it("have the same namespaces in English and Welsh", () => {
    expect(fs.readdirSync(path.join(LOCALES, "cy")).filter((f) => f.endsWith(".json")).sort()).toEqual([...namespaces].sort());
  });

  it.each(namespaces)("%s has the same keys in English and Welsh, none empty", (file) => {
    const en = JSON.parse(fs.readFileSync(path.join(LOCALES, "en", file), "utf8"));
    const cy = JSON.parse(fs.readFileSync(path.join(LOCALES, "cy", file), "utf8"));
    expect(keys(cy).sort()).toEqual(keys(en).sort());
    // Reviewers' notes may be empty; nothing a reader sees may be.
    const empty = (obj: unknown): boolean =>
      typeof obj === "string"
        ? obj.trim() === ""
        : Array.isArray(obj)
          ? obj.length === 0 || obj.some(empty)
          : Object.entries(obj as object).some(([key, value]) => key !== "reviewNotes" && empty(value));
    expect(empty(en)).toBe(false);
    expect(empty(cy)).toBe(false);
  });
});
