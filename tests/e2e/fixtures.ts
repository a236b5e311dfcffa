// The browser tests' shared fixture: every page visited is checked with axe
// against WCAG 2.2 A and AA, and any console error or uncaught page error fails
// the test.
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

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
    await use(page);
    expect(problems, "browser console errors").toEqual([]);
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
