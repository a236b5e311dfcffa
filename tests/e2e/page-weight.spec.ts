// Every public page, in both languages, stays light: at most 100 kB over the
// wire (compressed) and at most 30 kB of JavaScript when it loads.
import { expect, test } from "./fixtures.ts";

const MAX_TOTAL = 100 * 1024;
const MAX_SCRIPT = 30 * 1024;
const MORE_PAGES = ["/cookies", "/privacy", "/accessibility", "/cy/cookies", "/cy/privacy", "/cy/accessibility"];

test("public pages are light", async ({ page, request }) => {
  test.setTimeout(240_000);
  const manifest = (await (await request.get("/offline-manifest.json")).json()) as { urls: string[] };
  const pages = [...manifest.urls.filter((url) => !/\.(js|css|svg)$/.test(url)), ...MORE_PAGES];
  expect(pages.length).toBeGreaterThan(50);
  const report: string[] = [];
  // Every load as a first visit: no browser cache, no service worker.
  const context = await page.context().browser()!.newContext({ serviceWorkers: "block" });
  const tab = await context.newPage();
  await tab.route("**/*", (route) => route.continue()); // routing turns the HTTP cache off
  let total = 0;
  let script = 0;
  tab.on("requestfinished", async (req) => {
    const sizes = await req.sizes();
    const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
    total += bytes;
    if (req.resourceType() === "script") script += bytes;
  });
  for (const path of pages) {
    total = 0;
    script = 0;
    await tab.goto(path, { waitUntil: "networkidle" });
    report.push(`${path}: ${total} bytes, ${script} of script`);
    expect(total, `${path} transfers ${total} bytes`).toBeLessThanOrEqual(MAX_TOTAL);
    expect(script, `${path} loads ${script} bytes of script`).toBeLessThanOrEqual(MAX_SCRIPT);
  }
  await context.close();
  test.info().annotations.push({ type: "weights", description: report.join("\n") });
});
