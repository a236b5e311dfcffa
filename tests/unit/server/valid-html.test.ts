// The browser tests' HTML check must catch the errors it exists to catch.
import { describe, expect, it } from "vitest";
import { htmlProblems } from "../../e2e/valid-html.ts";

const page = (body: string, after = "") =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A page – A service</title></head><body>${body}</body></html>${after}`;

describe("the HTML check of every page", () => {
  it("passes a valid page", async () => {
    expect(await htmlProblems(page("<main><h1>Title</h1><h2>Part</h2><p>Text</p></main>"))).toEqual([]);
  });

  it("finds a title that is only the service's name", async () => {
    const html = page("<main><h1>Five</h1></main>").replace("A page – A service", "A service");
    expect(await htmlProblems(html)).toContain("the title does not name the page");
  });

  it("finds a script after </html>", async () => {
    expect(await htmlProblems(page("<main><h1>One</h1></main>", "<script>x()</script>"))).toContain("content after </html>");
  });

  it("finds a textarea with a type, and an empty option without a label", async () => {
    const problems = await htmlProblems(
      page('<main><h1>Two</h1><label for="a">A</label><textarea id="a" name="a" type="text"></textarea><label for="b">B</label><select id="b" name="b"><option value=""></option><option value="x">X</option></select></main>'),
    );
    expect(problems).toContain("a textarea has a type attribute");
    expect(problems).toContain("an empty option has no label");
  });

  it("finds a skipped heading level and a redundant role", async () => {
    const problems = await htmlProblems(page('<header role="banner"><p>Site</p></header><main><h1>Three</h1><h3>Skipped</h3></main>'));
    expect(problems.some((p) => p.startsWith("heading-level"))).toBe(true);
    expect(problems.some((p) => p.startsWith("no-redundant-role"))).toBe(true);
  });

  it("finds a reference to an id that is not on the page", async () => {
    const problems = await htmlProblems(page('<main><h1>Four</h1><label for="c">C</label><input id="c" name="c" aria-describedby="missing-hint"></main>'));
    expect(problems.some((p) => p.startsWith("no-missing-references"))).toBe(true);
  });
});
