import fs from "node:fs";
import path from "node:path";
import { pdfText } from "../setup/pdf-text.ts";
import { demo, signIn } from "./accounts-helpers.ts";
import { expect, expectAccessible, test } from "./fixtures.ts";

test.use({ allowConsole: [/status of 40[0-9]/] });

const LETTER = "decision-not-to-charge";
const example = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../templates/letters/${LETTER}/meta.json`), "utf8")).examples[0] as Record<string, unknown>;

test("an editor changes a letter and submits it; only a second editor can approve it; a VLO makes it for a case as a PDF", async ({ browser, page }) => {
  test.setTimeout(150_000);

  // The author.
  await signIn(page, demo("editor@portal.example"));
  await page.goto("/staff/letters");
  await expectAccessible(page);
  await page.getByTestId("letters-table").getByRole("link", { name: "Decision not to charge" }).first().click();
  await page.getByRole("button", { name: /Edit \(new draft\)|Continue the draft/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Draft");
  await expect(page.getByTestId("letter-checks")).toBeVisible();
  await expect(page.getByTestId("letter-preview").first()).toContainText(String(example.reference));
  await expectAccessible(page);
  const english = page.getByLabel("Letter in English");
  await english.fill(`${await english.inputValue()}\n\nWe are sorry this is not the news you hoped for.`);
  // The preview follows the typing.
  await expect(page.getByTestId("letter-preview").first()).toContainText("We are sorry this is not the news you hoped for.");
  await page.getByRole("button", { name: "Save and check" }).click();
  await expect(page.getByLabel("Letter in English")).toHaveValue(/not the news you hoped for/);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Waiting for review");
  await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
  const versionUrl = page.url();

  // The reviewer.
  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await signIn(reviewer, demo("reviewer@portal.example"));
  await reviewer.goto(versionUrl);
  await expectAccessible(reviewer);
  if (await reviewer.getByLabel("Reason for approving although a check does not pass").count()) {
    await reviewer.getByLabel("Reason for approving although a check does not pass").fill("Reviewed with the victims' panel");
  }
  await reviewer.getByRole("button", { name: "Approve" }).click();
  await expect(reviewer.getByRole("heading", { level: 1 })).toContainText("Approved");
  // The letter's versions say when each last changed.
  await reviewer.goto(`/staff/letters/${LETTER}`);
  await expect(reviewer.getByRole("row").nth(1)).toContainText("(today)");
  await expectAccessible(reviewer);
  await reviewer.goto(`/staff/letters/${LETTER}/diff?a=1&b=2`);
  await expect(reviewer.getByTestId("diff").first()).toContainText("+ We are sorry this is not the news you hoped for.");
  await expectAccessible(reviewer);
  // The same pages in Welsh.
  await reviewer.goto("/cy/staff/letters");
  await expect(reviewer.getByTestId("letters-table")).toContainText("Penderfyniad");
  await expectAccessible(reviewer);
  await reviewer.goto(versionUrl.replace("/staff/", "/cy/staff/"));
  await expect(reviewer.getByTestId("letter-checks")).toBeVisible();
  await expectAccessible(reviewer);
  await reviewerContext.close();

  // A Victim Liaison Officer makes the new version for a case, in Welsh.
  const vloContext = await browser.newContext();
  const vlo = await vloContext.newPage();
  await signIn(vlo, demo("vlo.london-south@portal.example"));
  await vlo.goto(`/staff/letters/${LETTER}/render`);
  await expectAccessible(vlo);
  // A forged post for the PDF gets the portal's refusal page in the page's language, not bare text.
  for (const [path, expected] of [
    [`/cy/staff/letters/${LETTER}/render.pdf`, "Does dim modd gwneud hynny"],
    [`/staff/letters/${LETTER}/render.pdf`, "You cannot do that from this page"],
  ] as const) {
    const forged = await vlo.request.post(path, { form: { csrf: "forged", language: "en" }, maxRedirects: 0 });
    expect(forged.status()).toBe(403);
    expect(forged.headers()["content-type"]).toBe("text/html; charset=utf-8");
    const body = await forged.text();
    expect(body).toContain(expected);
    expect(body).toMatch(/^<!DOCTYPE html>\n<html lang="(en|cy)">/);
    expect(body).not.toMatch(/Forbidden|\{\{/);
  }
  await vlo.locator("label", { hasText: /^Welsh$/ }).click();
  for (const [name, value] of Object.entries(example)) {
    // A date goes in GOV.UK's three boxes, the month as a word as people type it.
    const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value));
    if (date && (await vlo.locator(`[name="v.${name}.day"]`).count())) {
      await vlo.locator(`[name="v.${name}.day"]`).fill(String(Number(date[3])));
      await vlo.locator(`[name="v.${name}.month"]`).fill(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"][Number(date[2]) - 1]!);
      await vlo.locator(`[name="v.${name}.year"]`).fill(date[1]!);
      continue;
    }
    const field = vlo.locator(`[name="v.${name}"]`);
    if ((await field.count()) === 0) continue;
    if (typeof value === "boolean") await vlo.locator(`[name="v.${name}"][value="${value ? "yes" : "no"}"]`).check({ force: true });
    else await field.fill(String(value));
  }
  // The review deadline is never typed; one forged into the form is not used.
  expect(example.letter_date).toBe("2026-11-16");
  await vlo.locator("form[method=post]").first().evaluate((form) => {
    const forged = document.createElement("input");
    Object.assign(forged, { type: "hidden", name: "v.review_deadline", value: "2026-11-19" });
    form.append(forged);
  });
  await vlo.getByRole("button", { name: "Show the letter" }).click();
  await expect(vlo.getByTestId("rendered-letter")).toContainText(String(example.reference));
  // 10 working days from Monday 16 November 2026, in Welsh, the weekday lower case mid-sentence.
  await expect(vlo.getByTestId("rendered-letter")).toContainText("erbyn dydd Llun 30 Tachwedd 2026");
  await expect(vlo.getByTestId("rendered-letter")).not.toContainText("19 Tachwedd");
  await expect(vlo.getByTestId("filled-value").first()).not.toBeEmpty();
  await expectAccessible(vlo);
  const [download] = await Promise.all([vlo.waitForEvent("download"), vlo.getByRole("button", { name: "Download as PDF" }).click()]);
  const { text } = await pdfText(new Uint8Array(fs.readFileSync(await download.path())));
  expect(text).toContain(String(example.reference));
  expect(text).toContain("Diwedd y llythyr");
  expect(download.suggestedFilename()).toBe("penderfyniad-i-beidio-a-chyhuddo.pdf");
  // Values that no longer make the letter bring the user back to the page, told why in its language.
  await vlo.locator('form[action$="render.pdf"] input[name="v.victim_name"]').evaluate((input) => ((input as HTMLInputElement).value = ""));
  await vlo.getByRole("button", { name: "Download as PDF" }).click();
  await expect(vlo.getByRole("alert")).toContainText("The PDF could not be made from those details");
  await expect(vlo).toHaveURL(/\/render\?problem=pdf$/);
  await expectAccessible(vlo);
  // An address that is not one is refused, and kept to correct.
  await vlo.getByLabel("E-mail address the victim has said is safe to use").fill("sam.example");
  await vlo.getByRole("button", { name: "Send by e-mail" }).click();
  await expect(vlo.getByRole("alert")).toBeVisible();
  await expect(vlo.getByLabel("E-mail address the victim has said is safe to use")).toHaveValue("sam.example");
  await expectAccessible(vlo);
  await vloContext.close();
});
