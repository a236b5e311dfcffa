// Every link on every public page, in both languages, leads somewhere real, and
// every page reached is valid HTML.
import { expect, test } from "./fixtures.ts";
import { htmlProblems } from "./valid-html.ts";

test("no public page links to a missing page, and every public page is valid HTML", async ({ request }) => {
  test.setTimeout(120_000);
  const manifest = (await (await request.get("/offline-manifest.json")).json()) as { urls: string[] };
  const start = [...manifest.urls.filter((url) => !/\.(js|css|svg)$/.test(url)), "/cookies", "/privacy", "/accessibility"];
  const seen = new Set<string>();
  const queue = [...start];
  const broken: string[] = [];
  const invalid: string[] = [];
  while (queue.length) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const response = await request.get(path);
    if (response.status() !== 200) {
      broken.push(`${path}: ${response.status()}`);
      continue;
    }
    if (!(response.headers()["content-type"] ?? "").startsWith("text/html")) continue;
    const html = await response.text();
    for (const problem of await htmlProblems(html)) invalid.push(`${path}: ${problem}`);
    for (const [, href] of html.matchAll(/href="(\/[^"#]*)/g)) {
      if (href && !href.startsWith("/build/") && !seen.has(href)) queue.push(href.replace(/&amp;/g, "&"));
    }
  }
  expect(broken).toEqual([]);
  expect(invalid).toEqual([]);
  expect(seen.size).toBeGreaterThan(60);
});
