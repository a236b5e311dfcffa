import pg from "pg";
import { demo, freshCode, latestMailTo, linkIn, signIn } from "./accounts-helpers.ts";
import { expect, expectAccessible, test } from "./fixtures.ts";

test.describe.configure({ mode: "serial" });
test.use({ allowConsole: [/status of 40[0-9]/] });

const PASSWORD = "violet-canal-pepper-ostrich-19";

test("an ISVA registers, confirms the address, is approved, sets up the authenticator and signs in", async ({ browser, page }) => {
  test.setTimeout(120_000);
  const email = `new.isva.${Date.now()}@unrecognised-service.example`;

  await page.goto("/register");
  await expectAccessible(page);
  await page.getByLabel("Full name").fill("Nia Newcomer");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("ISVA service or organisation").fill("Unrecognised Service");
  await page.getByLabel("Password", { exact: true }).fill("password1234");
  await page.getByLabel("Confirm your password").fill("password1234");
  await page.getByRole("button", { name: "Ask for an account" }).click();
  await expect(page.getByRole("alert")).toContainText("This password is too common");
  await expect(page.getByLabel("Full name")).toHaveValue("Nia Newcomer");
  await expectAccessible(page);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Confirm your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Ask for an account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your e-mail");

  const verification = await latestMailTo(email);
  await page.goto(linkIn(verification.text, "/verify-email?token="));
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page.getByText("An administrator will now check your account")).toBeVisible();

  // Not yet approved: the account can do nothing.
  await page.goto("/sign-in");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account is not ready yet");
  expect((await page.goto("/isva"))?.url()).toMatch(/\/account\/pending$/);

  // An administrator approves it.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, demo("admin@portal.example"));
  await admin.goto("/staff/admin");
  await expectAccessible(admin);
  await admin.getByRole("button", { name: "Approve: Nia Newcomer" }).click();
  await expect(admin.getByTestId("pending-users")).toHaveCount(0);
  await adminContext.close();

  // Now the ISVA sets up the authenticator app, saves recovery codes and arrives.
  await page.goto("/isva");
  await expect(page).toHaveURL(/\/account\/two-factor$/);
  await expectAccessible(page);
  const key = (await page.getByTestId("totp-key").textContent())!;
  await expect(page.getByLabel("Security code")).toHaveAttribute("autocomplete", "one-time-code");
  await page.getByLabel("Security code").fill(await freshCode(key));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  await expectAccessible(page);
  await page.getByRole("link", { name: "I have saved my codes" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ISVA home");
  await expectAccessible(page);
});

test("a member of staff is invited, sets a password and signs in; signing out ends access", async ({ browser, page }) => {
  test.setTimeout(120_000);
  const email = `new.staff.${Date.now()}@cps.example`;
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, demo("admin@portal.example"));
  await expect(admin.getByRole("navigation", { name: "Your work" }).getByRole("link")).toHaveText(["Insight", "Admin"]);
  await expect(admin.getByRole("link", { name: "Exit this page" }).or(admin.getByRole("button", { name: "Exit this page" }))).toBeVisible();
  await admin.goto("/staff/admin/areas");
  await expectAccessible(admin);
  await admin.getByRole("link", { name: "Change CPS Wessex" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("CPS Wessex");
  const mailbox = await admin.getByLabel("RASSO unit mailbox").inputValue();
  await admin.getByLabel("Address for letters in Welsh (optional)").fill("1 Stryd Enghraifft");
  await admin.getByLabel("Phone number on letters (optional)").fill("call us");
  await admin.getByRole("button", { name: "Save" }).click();
  await expect(admin.getByRole("alert")).toContainText("Enter a phone number");
  await expect(admin.getByRole("alert")).toContainText("Enter the address for letters in English as well");
  await expect(admin.getByLabel("RASSO unit mailbox")).toHaveValue(mailbox);
  await expect(admin.getByLabel("Address for letters in Welsh (optional)")).toHaveValue("1 Stryd Enghraifft");
  await expectAccessible(admin);
  await admin.goto("/staff/admin/domains");
  await expectAccessible(admin);
  await admin.goto("/staff/admin/audit");
  await expect(admin.getByTestId("audit-table")).toContainText("auth.sign_in");
  await expectAccessible(admin);
  await admin.goto("/staff/admin/invite");
  await expectAccessible(admin);
  await admin.getByLabel("Name").fill("Owen Officer");
  await admin.getByLabel("E-mail").fill(email);
  await admin.locator("label", { hasText: "Victim Liaison Officer" }).click();
  await admin.getByRole("button", { name: "Invite a member of staff" }).click();
  await expect(admin.getByRole("alert")).toContainText("Choose the CPS Area");
  await admin.getByLabel("CPS Area").selectOption("wessex");
  await admin.getByRole("button", { name: "Invite a member of staff" }).click();
  await expect(admin.getByText("Invitation sent.")).toBeVisible();
  await adminContext.close();

  const invitation = await latestMailTo(email);
  await page.goto(linkIn(invitation.text, "/set-password?token="));
  await expectAccessible(page);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Confirm your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Save password" }).click();
  await page.getByRole("link", { name: /Your password is saved/ }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  // Let the page finish becoming interactive before typing (typing earlier is tested on its own below).
  await page.waitForLoadState("networkidle");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await expect(page.getByLabel("E-mail address")).toHaveValue(email);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account\/two-factor$/);
  const key = (await page.getByTestId("totp-key").textContent())!;
  await page.getByLabel("Security code").fill(await freshCode(key));
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("link", { name: "I have saved my codes" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Staff home");
  await expect(page.getByRole("main").getByText("CPS Wessex")).toBeVisible();
  // The header names who is signed in and their Area, with the sections a member of Area staff may use.
  await expect(page.getByTestId("identity")).toContainText("CPS Wessex");
  await expect(page.getByRole("navigation", { name: "Your work" }).getByRole("link")).toHaveText(["Queries", "Meetings", "Letters", "Insight"]);
  await expect(page.getByRole("link", { name: "What happens next" })).toHaveCount(0);

  // The same link cannot be used twice.
  await page.goto(linkIn(invitation.text, "/set-password?token="));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link does not work");

  await page.goto("/staff");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("an idle session ends after 30 minutes", async ({ page }) => {
  const account = demo("editor@portal.example");
  await signIn(page, account);
  await page.goto("/staff");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Staff home");
  const client = new pg.Client({ connectionString: `postgresql://portal:portal-local-only@127.0.0.1:${Number(process.env.E2E_PORT ?? 3300) + 2000}/portal` });
  await client.connect();
  await client.query(
    `UPDATE session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = (SELECT id FROM app_user WHERE email = $1)`,
    [account.email],
  );
  await client.end();
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("the session cookie is host-only, HttpOnly, Secure and SameSite=Lax, and is replaced at each sign-in step", async ({ page }) => {
  const account = demo("reviewer@portal.example");
  const sessionCookie = async () => (await page.context().cookies()).find((cookie) => cookie.name === "__Host-session");
  await page.goto("/sign-in");
  expect(await sessionCookie()).toBeUndefined();
  await page.getByLabel("E-mail address").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Security code")).toBeVisible();
  const pending = await sessionCookie();
  await page.getByLabel("Security code").fill(await freshCode(account.totpSecret));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  const full = await sessionCookie();
  expect(full).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/", expires: -1 });
  expect(full!.domain.startsWith("."), "no Domain attribute: the cookie goes to this host alone").toBe(false);
  expect(pending!.value).not.toBe(full!.value);
});

test("signed-in pages are never cached and public pages set no cookie even when signed in elsewhere", async ({ page, request }) => {
  await signIn(page, demo("reviewer@portal.example"));
  const response = await page.goto("/staff");
  expect(response?.headers()["cache-control"]).toBe("no-store");
  const publicPage = await request.get("/walkthrough");
  expect(publicPage.headers()["set-cookie"]).toBeUndefined();
});

test("sign-in and forgotten-password answers never reveal whether an address has an account", async ({ page }) => {
  for (const email of ["nobody@nowhere.example", "isva@isva-service.example"]) {
    await page.goto("/forgot-password");
    await page.getByLabel("E-mail address").fill(email);
    await page.getByRole("button", { name: "Send the link" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your e-mail");
    await page.goto("/sign-in");
    await page.getByLabel("E-mail address").fill(email);
    await page.getByLabel("Password").fill("not the password at all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toContainText("The e-mail address or password is not right");
  }
  await expectAccessible(page);
});

test("what is typed before a form's page becomes interactive is kept", async ({ page }) => {
  // Hold the page's scripts back, type, then let them run: as on a slow phone.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/build/**/*.js", async (route) => {
    await held;
    await route.continue();
  });
  // Module scripts hold back DOMContentLoaded, so wait only for the form itself.
  await page.goto("/sign-in", { waitUntil: "commit" });
  await page.getByLabel("E-mail address").fill("typed.early@cps.example");
  release();
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Password").fill("not the right password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("The e-mail address or password is not right");
  await expect(page.getByLabel("E-mail address")).toHaveValue("typed.early@cps.example");
});

test("anyone signed in chooses the language of their e-mails on their account page", async ({ page }) => {
  await signIn(page, demo("editor@portal.example"));
  await page.goto("/account");
  await expect(page.getByLabel("English", { exact: true })).toBeChecked();
  await page.getByLabel("Welsh, then English").check();
  await page.getByRole("button", { name: "Save the language" }).click();
  await expect(page.getByRole("status").filter({ hasText: "saved" })).toContainText("The language of your e-mails is saved");
  await expect(page.getByLabel("Welsh, then English")).toBeChecked();
  await expectAccessible(page);
  // Back to English, so other journeys read this account's e-mails as before.
  await page.getByLabel("English", { exact: true }).check();
  await page.getByRole("button", { name: "Save the language" }).click();
  await expect(page.getByLabel("English", { exact: true })).toBeChecked();
});

test("someone signed in who opens a page their role cannot use is told so, in their language, and where to go", async ({ page }) => {
  await signIn(page, demo("isva@isva-service.example"));
  const refused = await page.goto("/staff/queries");
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You cannot use this page");
  await expect(page).toHaveTitle(/^You cannot use this page – /);
  await expect(page.locator("main")).not.toContainText("You cannot do that from this page");
  // Their own header, with their sections and Sign out, stays.
  await expect(page.getByRole("navigation", { name: "Your work" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page.locator("main").getByRole("button", { name: "Sign out" })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Go to your home page" }).click();
  await expect(page).toHaveURL(/\/isva$/);

  expect((await page.goto("/cy/staff/letters"))?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ni allwch ddefnyddio'r dudalen hon");
  await expect(page.getByRole("link", { name: "Ewch i'ch tudalen gartref" })).toHaveAttribute("href", "/cy/isva");
  await expectAccessible(page);
});
