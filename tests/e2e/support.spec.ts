// Specialist support for everyone: an administrator adds and corrects a
// service, and the public page shows each change at once, in both languages.
import { demo, signIn } from "./accounts-helpers.ts";
import { expect, expectAccessible, test } from "./fixtures.ts";

test("an administrator adds, corrects and removes a support service; the public page shows each change at once", async ({ browser, page, visit }) => {
  const name = `Test Deaf Service ${Date.now()}`;
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, demo("admin@portal.example"));
  await admin.goto("/staff/admin");
  await admin.getByRole("link", { name: "Support services" }).click();
  await expect(admin.getByRole("cell", { name: "Childline", exact: true })).toBeVisible();
  await expectAccessible(admin);
  await admin.getByRole("link", { name: "Add a service" }).click();

  // Bad input is refused, field by field, and nothing typed is lost.
  await admin.getByLabel("Name (English)").fill(name);
  await admin.getByLabel("Name (Welsh)").fill(`${name} (cy)`);
  await admin.getByLabel("Who it is for (English)").fill("Deaf people who use BSL.");
  await admin.getByLabel("Who it is for (Welsh)").fill("Pobl fyddar sy'n defnyddio BSL.");
  await admin.getByLabel("How to contact it (English)").fill("See the website.");
  await admin.getByLabel("How to contact it (Welsh)").fill("Gweler y wefan.");
  await admin.getByLabel("Website").fill("http://example.org");
  await admin.getByRole("button", { name: "Add a service" }).click();
  await expect(admin.getByRole("alert")).toContainText("Enter a web address starting https://");
  await expect(admin.getByRole("alert")).toContainText("Choose at least one group");
  await expect(admin.getByLabel("Name (English)")).toHaveValue(name);
  await expectAccessible(admin);
  await admin.getByLabel("Website").fill("https://example.org/bsl");
  await admin.locator("label", { hasText: "For deaf people" }).click();
  await admin.getByRole("button", { name: "Add a service" }).click();
  await expect(admin.getByRole("main").getByRole("status")).toContainText("Saved");

  await visit("/support-services");
  const deaf = page.getByRole("region", { name: "For deaf people" });
  await expect(deaf.getByRole("link", { name })).toHaveAttribute("href", "https://example.org/bsl");
  await visit("/cy/support-services");
  await expect(page.getByRole("region", { name: "I bobl fyddar" }).getByText("Pobl fyddar sy'n defnyddio BSL.")).toBeVisible();

  // A correction shows on the next visit: the page is never kept stale.
  await admin.getByRole("link", { name: `Change ${name}` }).click();
  await admin.getByLabel("How to contact it (English)").fill("Text 07700 900123.");
  await admin.getByRole("button", { name: "Save changes" }).click();
  await expect(admin.getByRole("main").getByRole("status")).toContainText("Saved");
  const response = await page.request.get("/support-services");
  expect(response.headers()["cache-control"]).toBe("public, no-cache");
  expect(response.headers()["set-cookie"]).toBeUndefined();
  await visit("/support-services");
  await expect(page.getByText("Text 07700 900123.")).toBeVisible();

  await admin.getByRole("link", { name: `Change ${name}` }).click();
  await admin.getByRole("button", { name: "Remove" }).click();
  await expect(admin.getByRole("main").getByRole("status")).toContainText("Removed");
  await visit("/support-services");
  await expect(page.getByText(name)).toHaveCount(0);
  await adminContext.close();
});
