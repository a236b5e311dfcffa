import { demo, signIn } from "./accounts-helpers.ts";
import { expect, expectAccessible, test } from "./fixtures.ts";

test.use({ allowConsole: [/status of 40[0-9]/] });

test("an ISVA's Metropolitan Police query for Lambeth reaches London South, is answered there, and stays out of London North's reach", async ({ browser, page }) => {
  test.setTimeout(120_000);
  const question = `Is there a date for the trial yet? (${Date.now()})`;

  // The ISVA writes in Welsh.
  await signIn(page, demo("isva@isva-service.example"));
  await page.goto("/cy/isva/queries/new");
  await expectAccessible(page);
  await page.getByLabel("Heddlu", { exact: true }).selectOption({ label: "Heddlu Metropolitan" });
  await page.getByLabel("Am beth mae'r ymholiad?").selectOption("TRIAL_DATE");
  await page.getByLabel("Eich ymholiad").fill(question);
  await page.locator("label", { hasText: "Mae'r dioddefwr wedi cytuno" }).click();
  await page.getByRole("button", { name: "Parhau" }).click();
  // A Metropolitan Police case needs its borough; nothing typed is lost.
  await expect(page.getByRole("alert")).toContainText("Dewiswch y fwrdeistref");
  await expect(page.getByLabel("Heddlu", { exact: true })).toHaveValue("metropolitan");
  await expect(page.getByLabel("Eich ymholiad")).toHaveValue(question);
  await expectAccessible(page);
  await page.getByLabel("Bwrdeistref yn Llundain").selectOption({ label: "Lambeth" });
  await page.getByRole("button", { name: "Parhau" }).click();
  await expect(page.getByTestId("routing-reason")).toContainText("Wedi'i anfon at CPS De Llundain oherwydd mai'r fwrdeistref yw Lambeth.");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Anfon yr ymholiad" }).click();
  const panel = page.getByTestId("query-sent");
  await expect(panel).toContainText("CPS De Llundain");
  const reference = (await panel.locator("strong").textContent())!.trim();
  expect(reference).toMatch(/^Q-/);
  await expectAccessible(page);

  // London South answers, in English.
  const southContext = await browser.newContext();
  const south = await southContext.newPage();
  await signIn(south, demo("vlo.london-south@portal.example"));
  await south.goto("/staff/queries");
  await expectAccessible(south);
  await south.getByRole("link", { name: reference }).click();
  await expect(south.getByTestId("thread")).toContainText(question);
  await expectAccessible(south);
  await south.getByLabel("Reply").fill("The trial is listed for the week of 8 March. The Witness Care Unit will confirm.");
  await south.getByRole("button", { name: "Send" }).click();
  await expect(south.getByTestId("thread")).toContainText("listed for the week of 8 March");
  // The inbox, shown again while nothing has changed, is sent from the last
  // rendering: with a new nonce in its policy and its body, and scripts that run.
  await south.goto("/staff/queries");
  const kept = await south.goto("/staff/queries");
  const nonce = /'nonce-([^']+)'/.exec((await kept!.allHeaders())["content-security-policy"]!)![1]!;
  expect((await kept!.text()).match(/nonce="[^"]*"/g)?.every((attribute) => attribute === `nonce="${nonce}"`)).toBe(true);
  await expect(south.locator("body")).toHaveClass(/js-enabled/);
  await expect.poll(() => south.evaluate(() => "__remixRouter" in window)).toBe(true);
  await expect(south.getByRole("link", { name: reference })).toBeVisible();
  await expectAccessible(south);
  // A change shows at once.
  await south.getByRole("link", { name: reference }).click();
  await south.getByLabel("Change status").selectOption("CLOSED");
  await south.getByRole("button", { name: "Save", exact: true }).click();
  await expect(south.getByTestId("thread")).toBeVisible();
  await south.goto("/staff/queries");
  await expect(south.getByRole("row", { name: new RegExp(reference) })).toContainText("Closed");
  await south.goto("/staff/insight");
  await expect(south.getByTestId("weekly-table")).toBeVisible();
  await expectAccessible(south);
  await southContext.close();

  // The ISVA reads the reply.
  await page.goto(`/cy/isva/queries/${reference}`);
  await expect(page.getByTestId("thread")).toContainText("listed for the week of 8 March");
  await expectAccessible(page);

  // London North cannot open it.
  const northContext = await browser.newContext();
  const north = await northContext.newPage();
  await signIn(north, demo("staff.london-north@portal.example"));
  const refused = await north.goto(`/staff/queries/${reference}`);
  expect(refused?.status()).toBe(404);
  await north.goto("/staff/queries");
  await expect(north.getByRole("link", { name: reference })).toHaveCount(0);
  await northContext.close();
});
