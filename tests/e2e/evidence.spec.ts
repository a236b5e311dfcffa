import { expect, expectAccessible, test } from "./fixtures.ts";

const JOURNEYS = [
  {
    prefix: "",
    option: "Notes from counselling or therapy",
    continueLabel: "Continue",
    notice: "No",
    expectTopic: "Your counselling, medical, school and social-services records",
    notExpect: "How data is taken from your phone",
  },
  {
    prefix: "/cy",
    option: "Fy ffôn",
    continueLabel: "Parhau",
    notice: "Oes",
    expectTopic: "Sut mae data'n cael ei gymryd o'ch ffôn",
    notExpect: "Cofnodion cwnsela, meddygol, ysgol a gwasanaethau cymdeithasol",
  },
];

for (const javaScriptEnabled of [true, false]) {
  test.describe(`the question flow with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });
    for (const journey of JOURNEYS) {
      test(`reaches the right topics (${journey.prefix || "/"})`, async ({ page, visit }) => {
        await visit(`${journey.prefix}/evidence/questions`);
        await page.locator("label", { hasText: journey.option }).click();
        await page.getByRole("button", { name: journey.continueLabel }).click();
        await expect(page.locator("input[type=hidden][name=what]")).toHaveCount(1);
        await page.locator("label", { hasText: new RegExp(`^${journey.notice}$`) }).click();
        await page.getByRole("button", { name: journey.continueLabel }).click();
        const topics = page.getByTestId("result-topics");
        await expect(topics).toContainText(journey.expectTopic);
        await expect(topics).not.toContainText(journey.notExpect);
        expect(page.url()).toMatch(/\/evidence\/questions$/);
        if (javaScriptEnabled) await expectAccessible(page);
        await topics.getByRole("link").first().click();
        await expect(page).toHaveURL(new RegExp(`${journey.prefix}/evidence/[a-z-]+$`));
      });
    }
  });
}

test.describe("the question flow's errors", () => {
  test.use({ allowConsole: [/status of 400/] });
  test("asks for an answer and keeps the journey", async ({ page, visit }) => {
    await visit("/evidence/questions");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("alert")).toContainText("Select what the police have asked for");
    await expectAccessible(page);
    await page.locator("label", { hasText: "My social media" }).click();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("alert")).toContainText("Select yes, no or 'I'm not sure'");
    await expect(page.locator("input[type=hidden][name=what]")).toHaveValue("social-media");
  });
});

test.describe("explainer pages", () => {
  test("link both ways with the investigation stage, in both languages", async ({ page, visit }) => {
    await visit("/walkthrough/investigation");
    await page.locator('main a[href^="/evidence"]').first().click();
    await expect(page).toHaveURL(/\/evidence/);
    await expectAccessible(page);
    await visit("/cy/evidence/third-party-records");
    await page.getByRole("link", { name: "Darllen am ymchwiliad yr heddlu" }).click();
    await expect(page).toHaveURL(/\/cy\/walkthrough\/investigation$/);
  });

  test("the checklist prints and is in the booklet's language", async ({ page, visit }) => {
    await visit("/cy/evidence/checklist");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Cwestiynau");
    await page.emulateMedia({ media: "print" });
    await expect(page.getByTestId("exit-this-page")).toBeHidden();
  });

  test("work offline after one visit", async ({ page, visit, context }) => {
    await visit("/evidence");
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      if (registration.active?.state !== "activated") {
        await new Promise((resolve) => registration.active?.addEventListener("statechange", resolve));
      }
    });
    await context.setOffline(true);
    for (const path of ["/cy/evidence/written-notice", "/evidence/checklist", "/cy/evidence/checklist"]) {
      const response = await page.goto(path);
      expect(response?.ok()).toBe(true);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    }
    await context.setOffline(false);
  });
});
