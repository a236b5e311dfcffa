// The guides: reached from the walkthrough step they belong to, readable in
// both languages, each saying when its facts were last checked.
import { expect, expectAccessible, test } from "./fixtures.ts";

const GUIDES = ["day-in-court", "after-the-trial", "anonymity", "compensation", "complaints", "safety", "after-no-further-action"];

test("a reader goes from a walkthrough step to a guide and back; every guide passes axe in English and Welsh", async ({ page, visit }) => {
  test.setTimeout(240_000);
  await visit("/walkthrough/verdict-and-sentence");
  const more = page.getByRole("region", { name: "More on this step" });
  await more.getByRole("link", { name: "After the trial" }).click();
  await expect(page).toHaveURL(/\/guides\/after-the-trial$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("After the trial");
  await expect(page.getByRole("heading", { name: "If the jury cannot agree" })).toBeVisible();
  await expect(page.getByTestId("last-checked")).toHaveText(/^Last checked against official sources: \d{1,2} [A-Z][a-z]+ 20\d\d$/);
  await expectAccessible(page);
  await page.getByRole("link", { name: "The verdict and sentence", exact: true }).click();
  await expect(page).toHaveURL(/\/walkthrough\/verdict-and-sentence$/);

  for (const prefix of ["", "/cy"]) {
    await visit(`${prefix}/guides`);
    await expect(page.locator(".app-card")).toHaveCount(GUIDES.length);
    await expectAccessible(page);
    for (const id of GUIDES) {
      await visit(`${prefix}/guides/${id}`);
      await expect(page.locator("html")).toHaveAttribute("lang", prefix ? "cy" : "en");
      await expect(page.getByTestId("last-checked")).toBeVisible();
      await expectAccessible(page);
    }
  }
  await visit("/cy/guides/complaints");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cwynion a help pan fydd pethau'n mynd o chwith");
  await expect(page.getByText("Does dim angen i chi fynd drwy eich Aelod Seneddol")).toBeVisible();
});

test("pages that state rights say when their facts were last checked, in the page's language", async ({ page, visit }) => {
  for (const path of ["/walkthrough/trial", "/cy/evidence/written-notice", "/glossary", "/special-measures", "/get-help", "/cy/pre-trial-meeting"]) {
    await visit(path);
    await expect(page.getByTestId("last-checked"), path).toHaveText(path.startsWith("/cy") ? /^Gwiriwyd ddiwethaf yn erbyn ffynonellau swyddogol: \d{1,2} \S+ 20\d\d$/ : /^Last checked against official sources: \d{1,2} [A-Z][a-z]+ 20\d\d$/);
  }
});

test("information pages go down one heading level at a time, in both languages", async ({ page, visit }) => {
  for (const path of ["/get-help", "/cy/leaving-no-trace", "/cookies", "/cy/privacy", "/accessibility", "/cy/pre-trial-meeting", "/guides/safety"]) {
    await visit(path);
    const levels = await page.locator("main").evaluate((main) => [...main.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((h) => Number(h.tagName[1])));
    expect(levels[0], path).toBe(1);
    const skips = levels.slice(1).filter((level, i) => level - levels[i]! > 1);
    expect(skips, `${path}: ${levels.join(" ")}`).toEqual([]);
  }
});

test("an unknown guide is a 404", async ({ request }) => {
  expect((await request.get("/guides/nowhere")).status()).toBe(404);
  expect((await request.get("/cy/guides/nowhere")).status()).toBe(404);
});
