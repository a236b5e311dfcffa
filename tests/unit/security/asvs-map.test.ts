// docs/security/asvs-l2.md names the test that proves each requirement, by
// file and title. This fails when a named file or title no longer exists, so
// a test cannot be renamed or removed without the map following it.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");
const map = fs.readFileSync(path.join(root, "docs/security/asvs-l2.md"), "utf8");

/** Every `file` › "title" reference in the map. */
function references(text: string) {
  return [...text.matchAll(/`(tests\/[^`]+)` › "([^"]+)"/g)].map(([, file, title]) => ({ file: file!, title: title! }));
}

/** The literal titles of a file's tests (it and test calls, with any modifier; it.each tables are named by a test of their own). */
export function testTitles(source: string): Set<string> {
  const titles = new Set<string>();
  for (const match of source.matchAll(/\b(?:it|test)(?:\.\w+)*\(\s*(["'`])((?:\\.|(?!\1)[^\\])*)\1/g)) {
    titles.add(match[2]!.replace(/\\(.)/g, "$1"));
  }
  return titles;
}

/** The table rows of the map: requirement, what, status, how. */
function rows(text: string) {
  return text
    .split("\n")
    .filter((line) => /^\| (\d+\.\d|Rotation)/.test(line))
    .map((line) => line.split(" | ").map((cell) => cell.replace(/^\| |\|$/g, "").trim()));
}

describe("the ASVS map", () => {
  it("finds the titles of a file's tests, and only those", () => {
    const source = `describe("a group", () => {\n  it("does one thing", () => {});\n  test.skip('does "another"', () => {});\n});\nconst it2 = "it(\\"not a test\\")";`;
    expect([...testTitles(source)]).toEqual(["does one thing", 'does "another"']);
  });

  it("names only tests that exist, by file and title", () => {
    const found = references(map);
    expect(found.length).toBeGreaterThan(80);
    const missing = found.filter(({ file, title }) => {
      const full = path.join(root, file);
      return !fs.existsSync(full) || !testTitles(fs.readFileSync(full, "utf8")).has(title);
    });
    expect(missing).toEqual([]);
  });

  it("gives every requirement a known status, and a test or a reason", () => {
    const table = rows(map);
    expect(table.length).toBeGreaterThan(100);
    for (const [requirement, , status, how] of table) {
      expect(["Met", "Documented", "By design", "Platform", "N/A", "Gap"], requirement).toContain(status);
      if (status === "Met") expect(references(how ?? "").length, `${requirement} is met: name its test`).toBeGreaterThan(0);
      else expect((how ?? "").length, `${requirement}: say why`).toBeGreaterThan(5);
    }
  });

  it("covers each chapter that applies at Level 2", () => {
    const chapters = new Set(rows(map).map(([requirement]) => requirement!.split(".")[0]));
    for (const chapter of ["1", "2", "3", "4", "5", "6", "7", "8", "11", "12", "13", "14", "15", "16"]) expect(chapters, `V${chapter}`).toContain(chapter);
  });
});
