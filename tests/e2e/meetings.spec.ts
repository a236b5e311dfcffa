import fs from "node:fs";
import path from "node:path";
import { dataDir, demo, signIn } from "./accounts-helpers.ts";
import { expect, expectAccessible, test } from "./fixtures.ts";

test.use({ allowConsole: [/status of 40[0-9]/] });

test("a victim asks in Welsh for a meeting, not safe to e-mail; the VLO sees the agenda, books it and is told to phone; nothing is e-mailed to the victim", async ({ browser, page, context }) => {
  test.setTimeout(120_000);
  const victimEmail = `victim.${Date.now()}@home.example`;

  await page.goto("/cy/pre-trial-meeting");
  await page.getByRole("link", { name: "ofyn am gyfarfod ar-lein" }).click();
  await expect(page).toHaveURL(/\/cy\/pre-trial-meeting\/request$/);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Anfon fy nghais" }).click();
  await expect(page.getByRole("alert")).toContainText("Rhowch enw y gallwn eich galw");
  await expectAccessible(page);

  await page.getByLabel("Beth hoffech chi i ni eich galw?").fill("Cerys");
  await page.locator("label", { hasText: /^Galwad ffôn$/ }).click();
  // An address is typed, but e-mail is not ticked as safe.
  await page.getByLabel("Cyfeiriad e-bost", { exact: true }).fill(victimEmail);
  await page.getByLabel("Rhif ffôn").fill("01632 960456");
  await page.getByLabel("Amseroedd mae'n ddiogel ffonio (dewisol)").fill("Ar ôl 6pm");
  await page.getByLabel("Pa heddlu sy'n delio â'ch achos?").selectOption({ label: "Heddlu Metropolitan" });
  await page.getByLabel("Ym mha fwrdeistref yn Llundain y digwyddodd?").selectOption({ label: "Lambeth" });
  await page.locator("label", { hasText: /^Drwy fideo$/ }).click();
  await page.getByLabel("Os oes angen cyfieithydd arnoch, pa iaith? (dewisol)").fill("Pwyleg");
  await page.locator("label", { hasText: /^Mesurau arbennig$/ }).click();
  await page.getByRole("button", { name: "Anfon fy nghais" }).click();
  const panel = page.getByTestId("meeting-sent");
  await expect(panel).toBeVisible();
  const reference = (await panel.locator("strong").textContent())!.trim();
  await expectAccessible(page);
  expect(await context.cookies()).toEqual([]);

  const vloContext = await browser.newContext();
  const vlo = await vloContext.newPage();
  await signIn(vlo, demo("vlo.london-south@portal.example"));
  await vlo.goto("/staff/meetings");
  await expectAccessible(vlo);
  await vlo.getByRole("link", { name: reference }).click();
  await expect(vlo.getByTestId("contact-warning")).toContainText("Do not e-mail");
  await expect(vlo.getByTestId("agenda")).toContainText("By video");
  await expect(vlo.getByTestId("agenda")).toContainText("Pwyleg");
  await expect(vlo.getByTestId("agenda")).toContainText("Special measures");
  await expectAccessible(vlo);
  await vlo.getByLabel("Date (YYYY-MM-DD)").fill("2027-05-10");
  await vlo.getByLabel("Start time (HH:MM)").fill("18:30");
  await vlo.getByRole("button", { name: "Book" }).click();
  await expect(vlo.getByTestId("booked")).toContainText("Now phone the victim to confirm: 01632 960456");
  await vloContext.close();

  // Give the outbox worker time to deliver anything queued, then look.
  await new Promise((resolve) => setTimeout(resolve, 2500));
  const mailDir = path.join(dataDir(), "mail");
  const toVictim = fs.readdirSync(mailDir).filter((file) => fs.readFileSync(path.join(mailDir, file), "utf8").includes(victimEmail));
  expect(toVictim).toEqual([]);
});
