// The browser tests' shared fixture: every page visited is checked with axe
// against WCAG 2.2 A and AA, every document loaded is checked as valid HTML,
// and any console error or uncaught page error fails the test.
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page, type Response } from "@playwright/test";
import { htmlProblems } from "./valid-html.ts";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * axe needs scripts to run, so a page loaded with JavaScript off is checked as
 * a copy: the same HTML, without its scripts, in a context with JavaScript on.
 */
export async function expectAccessibleWithoutJs(page: Page) {
  const url = page.url();
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
  const context = await page.context().browser()!.newContext({ javaScriptEnabled: true });
  const copy = await context.newPage();
  await copy.route(url, (route) => route.fulfill({ contentType: "text/html", body: html }));
  await copy.goto(url);
  try {
    await expectAccessible(copy);
  } finally {
    await context.close();
  }
}

const withoutHash = (url: string) => url.split("#")[0]!;

/** A whole page the portal served (not a redirect, a file or a script). */
function isPortalDocument(response: Response) {
  const status = response.status();
  return (
    response.request().resourceType() === "document" &&
    (status < 300 || status >= 400) &&
    (response.headers()["content-type"] ?? "").startsWith("text/html") &&
    new URL(response.url()).hostname === "localhost"
  );
}

type Fixtures = {
  /** Goes to a path and checks the page with axe. */
  visit: (path: string) => Promise<void>;
  /** Console messages a test expects (for example, the 404 of a missing page). */
  allowConsole: RegExp[];
};

export const test = base.extend<Fixtures>({
  allowConsole: [[], { option: true }],
  page: async ({ page, allowConsole }, use) => {
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() !== "error" || allowConsole.some((pattern) => pattern.test(message.text()))) return;
      problems.push(`console.error: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    // Each document as the browser received it; and where a page was reached
    // by a client-side navigation (no document loaded), the same address
    // fetched as a document with the same cookies.
    const documents: Promise<[string, string] | null>[] = [];
    const loaded = new Set<string>();
    page.on("response", (response) => {
      if (!isPortalDocument(response)) return;
      loaded.add(withoutHash(response.url()));
      documents.push(
        response.text().then(
          (html) => [response.url(), html],
          () => null
        )
      );
    });
    page.on("framenavigated", (frame) => {
      const url = withoutHash(frame.url());
      if (frame !== page.mainFrame() || loaded.has(url) || new URL(url).hostname !== "localhost") return;
      loaded.add(url);
      documents.push(
        page
          .context()
          .request.get(url, { maxRedirects: 0 })
          .then(async (response) =>
            response.status() === 200 && response.headers()["content-type"]?.startsWith("text/html") ? ([url, await response.text()] as [string, string]) : null
          )
          .catch(() => null)
      );
    });
    await use(page);
    expect(problems, "browser console errors").toEqual([]);
    for (const document of await Promise.all(documents)) {
      if (!document) continue;
      const [url, html] = document;
      expect(await htmlProblems(html), `HTML errors in ${new URL(url).pathname}`).toEqual([]);
    }
  },
  visit: async ({ page, javaScriptEnabled }, use) => {
    await use(async (path: string) => {
      const response = await page.goto(path);
      expect(response?.status(), `status of ${path}`).toBeLessThan(400);
      await (javaScriptEnabled === false ? expectAccessibleWithoutJs(page) : expectAccessible(page));
    });
  },
});

export { expect };
