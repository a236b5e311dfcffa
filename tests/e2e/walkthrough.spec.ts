import fs from "node:fs";
import { pdfText } from "../setup/pdf-text.ts";
import { expect, expectAccessible, test } from "./fixtures.ts";

test.describe("walkthrough overview to a stage", () => {
  for (const [prefix, stepTitle, readStep] of [
    ["", "The CPS decides whether to charge", "Read about this step"],
    ["/cy", "Y CPS yn penderfynu a ddylid cyhuddo", "Darllen am y cam hwn"],
  ] as const) {
    test(`through the step list (${prefix || "/"})`, async ({ page, visit }) => {
      await visit(`${prefix}/walkthrough`);
      const steps = page.getByRole("navigation", { name: prefix ? "Camau" : "Steps" });
      await expect(steps.getByRole("listitem")).toHaveCount(10);
      await steps.locator("summary", { hasText: stepTitle }).click();
      await expectAccessible(page);
      await steps.getByRole("link", { name: new RegExp(`^${readStep}\\s*: ${stepTitle}$`) }).click();
      await expect(page).toHaveURL(new RegExp(`${prefix}/walkthrough/charging-decision$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(stepTitle);
      await expectAccessible(page);
      await page.getByRole("link", { name: new RegExp(prefix ? "Y cam nesaf" : "Next step") }).click();
      await expect(page).toHaveURL(new RegExp(`${prefix}/walkthrough/charge-and-first-hearings$`));
      await expectAccessible(page);
    });
  }
});

test.describe("Where am I now?", () => {
  test("takes the reader to their stage, and stores nothing", async ({ page, visit, context }) => {
    await visit("/walkthrough");
    await page.locator("label", { hasText: "The police have told me they are taking no further action" }).click();
    await expect(page.getByRole("radio", { name: "The police have told me they are taking no further action" })).toBeChecked();
    await page.getByRole("button", { name: "Take me to this step" }).click();
    await expect(page).toHaveURL(/\/walkthrough\/no-further-action$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("When the police take no further action");
    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
  });

  test.describe(() => {
   test.use({ allowConsole: [/status of 400/] });
   test("asks again, with the error first, when nothing is chosen", async ({ page, visit }) => {
    await visit("/cy/walkthrough");
    await page.getByRole("button", { name: "Ewch â fi i'r cam hwn" }).click();
    const summary = page.getByRole("alert");
    await expect(summary).toContainText("Dewiswch y cam sy'n gweddu orau i chi");
    await expect(summary).toBeFocused();
    await expectAccessible(page);
   });
  });

  test.describe("with JavaScript off", () => {
    test.use({ javaScriptEnabled: false });
    test("works as a plain form", async ({ page, visit }) => {
      await visit("/cy/walkthrough");
      await page.locator("label", { hasText: "Mae'r treial ar fin dechrau neu'n digwydd nawr" }).click();
      await page.getByRole("button", { name: "Ewch â fi i'r cam hwn" }).click();
      await expect(page).toHaveURL(/\/cy\/walkthrough\/trial$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Y treial");
    });
  });
});

test.describe("deadlines", () => {
  test.use({ allowConsole: [/status of 400/] });
  test("gives the last day to ask for a review, in working days", async ({ page, visit }) => {
    await visit("/walkthrough/charging-decision");
    const form = page.locator("#deadline");
    await form.getByLabel("Day").fill("2");
    await form.getByLabel("Month").fill("11");
    await form.getByLabel("Year").fill("2026");
    await form.getByRole("button", { name: "Work out the last day" }).click();
    // A date long gone: the last day in the past tense, and that a review can still be asked for.
    await expect(page.getByTestId("deadline-result")).toContainText("The 10 working days ended on Monday 16 November 2026.");
    await expect(page.getByTestId("deadline-result")).toContainText("you can still ask for a review");
    await expectAccessible(page);
    expect(page.url()).not.toContain("2026");
  });

  test("gives the last day for a sentence review in Welsh: the last working day within 28 days", async ({ page, visit }) => {
    await visit("/cy/walkthrough/verdict-and-sentence");
    const form = page.locator("#deadline");
    // 28 days after Thursday 4 December 2025 is New Year's Day, a bank holiday.
    await form.getByLabel("Diwrnod").fill("4");
    await form.getByLabel("Mis").fill("12");
    await form.getByLabel("Blwyddyn").fill("2025");
    await form.getByRole("button", { name: "Cyfrifo'r diwrnod olaf" }).click();
    await expect(page.getByTestId("deadline-result")).toContainText("Llys Apêl oedd dydd Mercher 31 Rhagfyr 2025, erbyn 5pm");
  });

  test("explains a bad date and keeps what was typed", async ({ page, visit }) => {
    await visit("/walkthrough/charging-decision");
    const form = page.locator("#deadline");
    await form.getByLabel("Day").fill("31");
    await form.getByLabel("Month").fill("2");
    await form.getByLabel("Year").fill("2026");
    await form.getByRole("button", { name: "Work out the last day" }).click();
    await expect(page.getByRole("alert")).toContainText("Enter a real date");
    await expect(page.locator("#deadline").getByLabel("Day")).toHaveValue("31");
    await expect(page.locator("#deadline").getByLabel("Month")).toHaveValue("2");
    await expectAccessible(page);
  });

  test.describe("with JavaScript off", () => {
    test.use({ javaScriptEnabled: false });
    test("still works", async ({ page, visit }) => {
      await visit("/walkthrough/charging-decision");
      const form = page.locator("#deadline");
      await form.getByLabel("Day").fill("21");
      await form.getByLabel("Month").fill("11");
      await form.getByLabel("Year").fill("2026");
      await form.getByRole("button", { name: "Work out the last day" }).click();
      await expect(page.getByTestId("deadline-result")).toContainText("Friday 4 December 2026");
    });
  });
});

test.describe("glossary terms", () => {
  test("open their definition in place, and close back to the term", async ({ page, visit }) => {
    await visit("/walkthrough/reporting");
    const term = page.locator("a[data-term='abe-interview']").first();
    await term.click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("heading")).toHaveText(/ABE/);
    await expectAccessible(page);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(term).toBeFocused();
  });

  test.describe("with JavaScript off", () => {
    test.use({ javaScriptEnabled: false });
    test("link to the glossary entry", async ({ page, visit }) => {
      await visit("/cy/walkthrough/reporting");
      await page.locator("a[data-term='abe-interview']").first().click();
      await expect(page).toHaveURL(/\/cy\/glossary#abe-interview$/);
      await expect(page.locator("#abe-interview")).toContainText("ABE");
    });
  });
});

test.describe("the special measures sheet", () => {
  test("is linked from preparing for trial and explains clearing the public gallery", async ({ page, visit }) => {
    await visit("/walkthrough/preparing-for-trial");
    await page.locator('a[href="/special-measures"]').first().click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Special measures");
    await expect(page.locator("#evidence-in-private")).toContainText("25(4)(a)");
    await expectAccessible(page);
  });

  test("prints without the page's navigation", async ({ page, visit }) => {
    await visit("/cy/special-measures");
    await page.emulateMedia({ media: "print" });
    await expect(page.locator("header")).toBeHidden();
    await expect(page.getByTestId("exit-this-page")).toBeHidden();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
});

test.describe("offline reading", () => {
  test("after one visit, the walkthrough, guides, glossary and sheet work with no connection, in both languages", async ({ page, visit, context }) => {
    await visit("/walkthrough");
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      if (registration.active?.state !== "activated") {
        await new Promise((resolve) => registration.active?.addEventListener("statechange", resolve));
      }
    });
    await context.setOffline(true);
    for (const [path, heading] of [
      ["/cy/walkthrough/trial", "Y treial"],
      ["/walkthrough/after-sentence", "After the sentence"],
      ["/cy/glossary", "Geiriau a'u hystyr"],
      ["/special-measures", "Special measures"],
      ["/guides/compensation", "Compensation"],
      ["/cy/guides/anonymity", "Cadw eich enw'n breifat"],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toContainText(heading);
    }
    await context.setOffline(false);
  });
});

test.describe("the PDF booklet", () => {
  test("downloads in Welsh with its title and Welsh letters intact", async ({ page, visit }) => {
    await visit("/cy/walkthrough");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Lawrlwytho'r canllaw fel PDF" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("beth-sy-n-digwydd-nesaf.pdf");
    const file = await download.path();
    const { text, pages } = await pdfText(new Uint8Array(fs.readFileSync(file)));
    expect(pages).toBeGreaterThan(10);
    expect(text).toContain("Beth sy'n digwydd nesaf: o gael cymorth hyd at ar ôl y treial");
    expect(text).toContain("siŵr");
    expect(text).toContain("Tudalen 1 o");
    // The specialist services the portal keeps, in Welsh.
    expect(text).toContain("Cymorth arbenigol i bawb");
    expect(text).toContain("Y Llinell Gymorth Trais a Cham-drin Rhywiol 24/7: ffoniwch 0808 500 2222");
  });
});
