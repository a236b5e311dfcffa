import fs from "node:fs";
import path from "node:path";
import { dataDir, demo, linkIn, signIn } from "./accounts-helpers.ts";
import { expect, expectAccessible, expectAccessibleWithoutJs, test } from "./fixtures.ts";

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
  await page.getByLabel("Bwrdeistref yn Llundain").selectOption({ label: "Lambeth" });
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
  await expect(vlo.getByTestId("diary")).toContainText("Your week from");
  await expectAccessible(vlo);
  await expect(vlo.getByTestId("meeting-requests").getByRole("row", { name: new RegExp(reference) })).toContainText("(today)");
  await vlo.getByTestId("meeting-requests").getByRole("link", { name: reference }).click();
  await expect(vlo.getByTestId("received")).toContainText(/^Received \d{1,2} [A-Z][a-z]+ \d{4} \(today\)$/);
  await expect(vlo.getByTestId("contact-warning")).toContainText("Do not e-mail");
  await expect(vlo.getByTestId("agenda")).toContainText("By video");
  await expect(vlo.getByTestId("agenda")).toContainText("Pwyleg");
  // What the victim typed is isolated from the text around it.
  await expect(vlo.getByTestId("agenda").locator("bdi")).toHaveText("Pwyleg");
  await expect(vlo.locator("dd bdi", { hasText: /^Cerys$/ })).toBeVisible();
  await expect(vlo.getByTestId("agenda")).toContainText("Special measures");
  await expectAccessible(vlo);
  // GOV.UK's date input, and a start time as people write it; a refused one keeps what was typed.
  await vlo.getByLabel("Day").fill("10");
  await vlo.getByLabel("Month").fill("5");
  await vlo.getByLabel("Year").fill("2027");
  await vlo.getByLabel("Start time").fill("half six");
  await vlo.getByRole("button", { name: "Book" }).click();
  await expect(vlo.locator(".govuk-error-summary")).toContainText("Enter a start time, for example 2pm or 14:30");
  await expect(vlo.getByLabel("Day")).toHaveValue("10");
  await expect(vlo.getByLabel("Start time")).toHaveValue("half six");
  await expectAccessible(vlo);
  await vlo.getByLabel("Start time").fill("6:30pm");
  await vlo.getByRole("button", { name: "Book" }).click();
  await expect(vlo.getByTestId("booked")).toContainText("Now phone the victim to confirm: 01632 960456");
  // The booked meeting says how far off it is, in days.
  await expect(vlo.getByTestId("meeting-when")).toContainText(/Monday 10 May 2027, 6:30pm .*\(in \d+ days\)/);
  await vloContext.close();

  // Give the outbox worker time to deliver anything queued, then look.
  await new Promise((resolve) => setTimeout(resolve, 2500));
  const mailDir = path.join(dataDir(), "mail");
  const toVictim = fs.readdirSync(mailDir).filter((file) => fs.readFileSync(path.join(mailDir, file), "utf8").includes(victimEmail));
  expect(toVictim).toEqual([]);
});

/** Every e-mail the portal wrote to an address that mentions `containing`, parsed, oldest first. */
async function mailsTo(address: string, containing: string, count: number, timeoutMs = 20_000) {
  const { simpleParser } = await import("mailparser");
  const dir = path.join(dataDir(), "mail");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const raws = (fs.existsSync(dir) ? fs.readdirSync(dir).filter((file) => file.endsWith(".eml")).sort() : [])
      .map((file) => fs.readFileSync(path.join(dir, file), "utf8"))
      .filter((raw) => new RegExp(`^To: .*${address.replace(/[.+]/g, "\\$&")}`, "mi").test(raw) && raw.includes(containing));
    if (raws.length >= count || Date.now() > deadline) return Promise.all(raws.map((raw) => simpleParser(raw)));
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

test("an ISVA asks in English for someone they support; the VLO offers a published time; the ISVA chooses it through the e-mailed link and receives the invite", async ({ browser, page }) => {
  test.setTimeout(150_000);
  const isvaAccount = demo("isva@isva-service.example");
  await signIn(page, isvaAccount);
  await page.goto("/isva");
  await page.getByRole("link", { name: "Pre-trial meetings" }).click();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Ask for a meeting for someone you support" }).click();
  await expect(page).toHaveURL(/\/isva\/meetings\/new$/);
  await page.getByRole("button", { name: "Send my request" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter a name we can call you");
  await expectAccessible(page);
  await page.getByLabel("What would the victim like to be called?").fill("Alex");
  await page.locator("label", { hasText: /^Phone call$/ }).click();
  await page.getByLabel("Phone number").fill("01632 960789");
  // A URN without its borough: the Metropolitan Police need one, and nothing typed is lost.
  await page.getByLabel("Police URN (optional)").fill("01ab1234526");
  await page.locator("label", { hasText: /^In person$/ }).click();
  await page.getByRole("button", { name: "Send my request" }).click();
  await expect(page.getByRole("alert")).toContainText("Choose the London borough");
  await expect(page.getByLabel("Police URN (optional)")).toHaveValue("01ab1234526");
  await expect(page.getByLabel("What would the victim like to be called?")).toHaveValue("Alex");
  await expectAccessible(page);
  await page.getByLabel("London borough").selectOption({ label: "Southwark" });
  await page.locator("label", { hasText: /^What happens on the day$/ }).click();
  await page.getByRole("button", { name: "Send my request" }).click();
  const sent = page.getByTestId("meeting-sent");
  await expect(sent).toBeVisible();
  const reference = /M-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}/.exec((await sent.textContent()) ?? "")![0];
  await expect(page.getByTestId("isva-meetings")).toContainText(reference);
  await expectAccessible(page);

  // The VLO publishes a time a few years ahead (a different minute each run) and offers it.
  const vloContext = await browser.newContext();
  const vlo = await vloContext.newPage();
  await signIn(vlo, demo("vlo.london-south@portal.example"));
  await vlo.goto("/staff/meetings/slots");
  await expectAccessible(vlo);
  const minute = String(Math.floor(Math.random() * 50)).padStart(2, "0");
  await vlo.getByLabel("Day").fill(String(22 + Math.floor(Math.random() * 4)));
  await vlo.getByLabel("Month").fill("October");
  await vlo.getByLabel("Year").fill("2029");
  await vlo.getByLabel("Start time").fill(`${9 + Math.floor(Math.random() * 6)}:${minute}`);
  await vlo.getByLabel("Room or place (for meetings in person)").fill("Witness room 2");
  await vlo.getByRole("button", { name: "Add time" }).click();
  await expect(vlo.getByRole("main").getByRole("status")).toContainText("Time added");
  // The time is in the VLO's week.
  await vlo.goto("/staff/meetings?week=2029-10-22");
  await expect(vlo.getByTestId("diary").locator("li", { hasText: "Witness room 2" }).first()).toContainText("Open time");
  await expectAccessible(vlo);
  await vlo.goto("/staff/meetings");
  await vlo.getByTestId("meeting-requests").getByRole("link", { name: reference }).click();
  await expect(vlo.getByTestId("agenda")).toContainText("What happens on the day");
  await expect(vlo.getByText("Asked for by an ISVA")).toBeVisible();
  await expect(vlo.getByRole("definition").filter({ hasText: "01/AB/12345/26" })).toBeVisible();
  await expectAccessible(vlo);
  await vlo.locator("label", { hasText: "Witness room 2" }).first().click();
  await vlo.getByRole("button", { name: "Offer these times" }).click();
  await expect(vlo.getByTestId("offered")).toContainText("Times offered");
  await expect(vlo.getByTestId("prompt")).toContainText("Now phone the victim");
  await expect(vlo.getByTestId("prompt")).toContainText("The ISVA has been e-mailed");
  await expectAccessible(vlo);

  // The ISVA's e-mail has a single-use link; opening it changes nothing, the button books.
  const [offer] = await mailsTo(isvaAccount.email, reference, 1);
  expect(offer!.text).not.toContain("Alex");
  const link = linkIn(offer!.text ?? "", "/pre-trial-meeting/respond/");
  const chooser = await browser.newContext();
  const choose = await chooser.newPage();
  await choose.goto(link);
  await expect(choose.getByRole("heading", { level: 1 })).toHaveText("Choose a time for your meeting");
  await expectAccessible(choose);
  await choose.locator("label", { hasText: "Witness room 2" }).click();
  await choose.getByRole("button", { name: "Choose this time" }).click();
  await expect(choose.getByTestId("responded")).toContainText("Your meeting is booked for");
  await expectAccessible(choose);
  expect(await chooser.cookies()).toEqual([]);
  // The link works once.
  await choose.goto(link);
  await expect(choose.getByRole("heading", { level: 1 })).toHaveText("This link has already been used");
  await expectAccessible(choose);
  await chooser.close();

  // The invite reaches the ISVA, and parses.
  const mails = await mailsTo(isvaAccount.email, reference, 2);
  const withInvite = mails.find((mail) => mail.attachments.some((attachment) => attachment.contentType.startsWith("text/calendar")));
  expect(withInvite, "an e-mail with a calendar invite").toBeTruthy();
  const ics = withInvite!.attachments.find((attachment) => attachment.contentType.startsWith("text/calendar"))!.content.toString("utf8");
  const ICAL = (await import("ical.js")).default;
  const calendar = new ICAL.Component(ICAL.parse(ics));
  expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
  const event = calendar.getFirstSubcomponent("vevent")!;
  expect(event.getFirstPropertyValue("summary")).toBe("Meeting with the prosecution team");
  expect(event.getFirstPropertyValue("location")).toBe("Witness room 2");
  expect(ics).not.toContain("Alex");

  await vlo.reload();
  await expect(vlo.getByTestId("status")).toHaveText("Booked");
  await vloContext.close();
});

test.describe("the VLO's diary with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("a published time appears in its week, reached by the previous and next week links, and this week is one link away", async ({ page }) => {
    await signIn(page, demo("vlo.london-south@portal.example"));
    // A time on a weekday in the week of Monday 4 March 2030, in a room named for this run.
    const room = `Diary room ${Date.now()}`;
    const date = 4 + Math.floor(Math.random() * 5);
    await page.goto("/staff/meetings/slots");
    await page.getByLabel("Day").fill(String(date));
    await page.getByLabel("Month").fill("3");
    await page.getByLabel("Year").fill("2030");
    await page.getByLabel("Start time").fill(`${10 + Math.floor(Math.random() * 5)}:${String(Math.floor(Math.random() * 50)).padStart(2, "0")}`);
    await page.getByLabel("Room or place (for meetings in person)").fill(room);
    await page.getByRole("button", { name: "Add time" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("Time added");

    // The week before it is empty of this room; its next week link reaches the time.
    await page.goto("/staff/meetings?week=2030-02-25");
    const diary = page.getByTestId("diary");
    await expect(diary.getByRole("heading", { level: 2 })).toContainText("25 February 2030");
    await expect(diary).not.toContainText(room);
    await expectAccessibleWithoutJs(page);
    await diary.getByRole("link", { name: "Next week" }).click();
    await expect(page).toHaveURL(/week=2030-03-04$/);
    const day = page.getByTestId("diary").locator(".app-diary-day", { hasText: `${date} March 2030` });
    await expect(day.locator("li", { hasText: room })).toContainText("Open time");
    await expectAccessibleWithoutJs(page);

    // Previous week goes back, and This week comes home.
    await page.getByTestId("diary").getByRole("link", { name: "Previous week" }).click();
    await expect(page).toHaveURL(/week=2030-02-25$/);
    await page.getByTestId("diary").getByRole("link", { name: "This week" }).click();
    await expect(page.getByTestId("diary").getByText("Today", { exact: true })).toBeVisible();
  });
});
