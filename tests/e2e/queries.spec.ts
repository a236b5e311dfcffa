import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { demo, signIn } from "./accounts-helpers.ts";
import { expect, expectAccessible, expectAccessibleWithoutJs, test } from "./fixtures.ts";

test.use({ allowConsole: [/status of 40[0-9]/] });

/** A query from the demo ISVA, waiting in `areaId`, straight into the database. */
async function insertQuery(areaId: string, boroughId: string) {
  const client = new pg.Client({ connectionString: `postgresql://portal:portal-local-only@127.0.0.1:${Number(process.env.E2E_PORT ?? 3300) + 2000}/portal` });
  await client.connect();
  const letters = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  const code = () => Array.from({ length: 4 }, () => letters[crypto.randomInt(letters.length)]).join("");
  const reference = `Q-${code()}-${code()}`;
  await client.query(
    `INSERT INTO isva_query (id, reference, force_id, borough_id, area_id, routing_reason, category, status, isva_id, organisation, due_on, updated_at)
     SELECT gen_random_uuid(), $1, 'metropolitan', $3, $2, jsonb_build_object('code', 'borough', 'areaId', $2::text, 'forceId', 'metropolitan', 'boroughId', $3::text),
            'CASE_PROGRESS', 'NEW', u.id, 'Example ISVA Service', current_date + 3, now() FROM app_user u WHERE u.email = 'isva@isva-service.example'`,
    [reference, areaId, boroughId],
  );
  await client.end();
  return reference;
}

test("an ISVA's Metropolitan Police query for Lambeth reaches London South, is answered there, and stays out of London North's reach", async ({ browser, page }) => {
  test.setTimeout(180_000);
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
  // It says why: the Metropolitan Police works with two Areas.
  await expect(page.getByRole("alert")).toContainText("dwy Ardal CPS, Gogledd Llundain a De Llundain");
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
  await expect(south.getByRole("link", { name: /^Waiting for a reply \d+$/ })).toHaveAttribute("aria-current", "page");
  await expectAccessible(south);
  // Found by its reference typed in lower case.
  await south.getByLabel("Search the Area's queries").fill(reference.toLowerCase());
  await south.getByRole("button", { name: "Search", exact: true }).click();
  await expect(south.getByRole("heading", { name: "Queries matching your search" })).toBeVisible();
  expect(south.url()).not.toContain(reference.toLowerCase());
  await expectAccessible(south);
  await south.getByRole("link", { name: reference }).click();
  await expect(south.getByTestId("thread")).toContainText(question);
  await expectAccessible(south);
  // Taken on by the one reading it, in one click.
  await south.getByRole("button", { name: "Assign to me" }).click();
  await expect(south.getByLabel("Assigned to")).toHaveValue(/.+/);
  await expect(south.getByRole("button", { name: "Assign to me" })).toHaveCount(0);
  await south.goto("/staff/queries?assigned=me&sort=received");
  await expect(south.getByRole("row", { name: new RegExp(reference) })).toContainText("Val South");
  await south.getByRole("link", { name: reference }).click();
  await expect(south.getByText("Sending a reply marks the query Answered.")).toBeVisible();
  await south.getByLabel("Reply", { exact: true }).fill("The trial is listed for the week of 8 March. The Witness Care Unit will confirm.");
  await south.getByRole("button", { name: "Send" }).click();
  await expect(south.getByTestId("thread")).toContainText("listed for the week of 8 March");
  // Answered, it is in the Answered view, rendered afresh with this response's nonce on every script.
  const answered = await south.goto("/staff/queries?view=answered&sort=received");
  const nonce = /'nonce-([^']+)'/.exec((await answered!.allHeaders())["content-security-policy"]!)![1]!;
  expect((await answered!.text()).match(/nonce="[^"]*"/g)?.every((attribute) => attribute === `nonce="${nonce}"`)).toBe(true);
  await expect(south.locator("body")).toHaveClass(/js-enabled/);
  await expect.poll(() => south.evaluate(() => "__remixRouter" in window)).toBe(true);
  await expect(south.getByRole("row", { name: new RegExp(reference) })).toContainText("Answered");
  await expectAccessible(south);
  // A change shows at once.
  await south.getByRole("link", { name: reference }).click();
  await south.getByLabel("Change status").selectOption("CLOSED");
  await south.getByRole("button", { name: "Save", exact: true }).click();
  await expect(south.getByTestId("thread")).toBeVisible();
  await south.goto("/staff/queries?view=closed&sort=received");
  await expect(south.getByRole("row", { name: new RegExp(reference) })).toContainText("Closed");
  await south.goto("/staff/insight");
  await expect(south.getByTestId("weekly-table")).toBeVisible();
  await expectAccessible(south);
  await southContext.close();

  // The ISVA sees an unread reply in their list, and reads it.
  await page.goto("/cy/isva");
  await expect(page.getByTestId("isva-work").getByRole("row", { name: new RegExp(reference) })).toContainText("Ateb newydd");
  await expectAccessible(page);
  await page.goto(`/cy/isva/queries/${reference}`);
  await expect(page.getByTestId("thread")).toContainText("listed for the week of 8 March");
  await expectAccessible(page);
  await page.goto("/cy/isva");
  await expect(page.getByTestId("isva-work").getByRole("row", { name: new RegExp(reference) })).not.toContainText("Ateb newydd");

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

test.describe("the Area inbox with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("goes through its pages, views and filters by plain links and forms, keeping the rest of the filter", async ({ page }) => {
    // 30 more queries waiting in London North, straight into the database.
    const client = new pg.Client({ connectionString: `postgresql://portal:portal-local-only@127.0.0.1:${Number(process.env.E2E_PORT ?? 3300) + 2000}/portal` });
    await client.connect();
    const letters = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    const code = () => Array.from({ length: 4 }, () => letters[crypto.randomInt(letters.length)]).join("");
    await client.query(
      `INSERT INTO isva_query (id, reference, force_id, borough_id, area_id, routing_reason, category, status, isva_id, organisation, due_on, created_at, updated_at)
       SELECT gen_random_uuid(), 'Q-' || r.a || '-' || r.b, 'metropolitan', 'barnet', 'london-north', '{"code":"borough","areaId":"london-north","forceId":"metropolitan","boroughId":"barnet"}',
              'TRIAL_DATE', 'NEW', u.id, 'Example ISVA Service', current_date + r.n, now() - r.n * interval '1 minute', now()
       FROM unnest($1::text[], $2::text[], $3::int[]) AS r(a, b, n), app_user u WHERE u.email = 'isva@isva-service.example'`,
      [Array.from({ length: 30 }, code), Array.from({ length: 30 }, code), Array.from({ length: 30 }, (_, i) => i + 1)],
    );
    await client.end();

    await signIn(page, demo("staff.london-north@portal.example"));
    await page.goto("/staff/queries?category=TRIAL_DATE");
    const rows = page.getByTestId("query-table").locator("tbody tr");
    await expect(rows).toHaveCount(25);
    await expect(rows.first()).toContainText("Barnet");
    await expect(rows.first()).toContainText("Isla Adviser");
    await expectAccessibleWithoutJs(page);
    // The column headers sort, keeping the filter; the one in use says so.
    await expect(page.getByRole("columnheader", { name: /^Reply due/ })).toHaveAttribute("aria-sort", "ascending");
    await page.getByRole("columnheader", { name: /^Received/ }).getByRole("link").click();
    await expect(page).toHaveURL(/\/staff\/queries\?category=TRIAL_DATE&sort=received$/);
    await expect(page.getByRole("columnheader", { name: /^Received/ })).toHaveAttribute("aria-sort", "descending");
    await expect(page.getByRole("columnheader", { name: /^Reply due/ })).toHaveAttribute("aria-sort", "none");
    await page.getByRole("columnheader", { name: /^Reply due/ }).getByRole("link").click();
    await expect(page).toHaveURL(/\/staff\/queries\?category=TRIAL_DATE$/);
    await page.getByRole("link", { name: /^Next/ }).click();
    await expect(page).toHaveURL(/\/staff\/queries\?category=TRIAL_DATE&page=2$/);
    await expect(page.getByRole("link", { name: /^page 2 of \d+$/ })).toHaveAttribute("aria-current", "page");
    expect(await rows.count()).toBeGreaterThanOrEqual(5);
    // A view starts at its first page and keeps the topic.
    await page.getByRole("link", { name: /^Closed \d+$/ }).click();
    await expect(page).toHaveURL(/\/staff\/queries\?view=closed&category=TRIAL_DATE$/);
    // The filter form keeps the view.
    await page.getByLabel("Order").selectOption("received");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/sort=received/);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toMatchObject({ view: "closed", category: "TRIAL_DATE", sort: "received" });
    await page.getByRole("link", { name: "Clear the filters" }).click();
    await expect(page).toHaveURL(/\/staff\/queries\?view=closed$/);
    // Search, by POST: the name stays out of the address.
    await page.getByLabel("Search the Area's queries").fill("Isla");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Queries matching your search" })).toBeVisible();
    expect(await rows.count()).toBeGreaterThanOrEqual(30);
    expect(page.url()).not.toContain("Isla");
    await expectAccessibleWithoutJs(page);
  });
});

test.describe("a query sent to the wrong Area", () => {
  test.use({ javaScriptEnabled: false });

  test("gets an internal note and is passed on with a reason; the old Area loses it and the new one sees why", async ({ browser, page }) => {
    test.setTimeout(180_000);
    const reference = await insertQuery("london-north", "barnet");

    await signIn(page, demo("staff.london-north@portal.example"));
    await page.goto(`/staff/queries/${reference}`);
    await expect(page.getByTestId("timeline")).toContainText("Received and routed");
    // An empty note is refused with a message against its field.
    await page.getByRole("button", { name: "Add note" }).click();
    await expect(page.getByRole("alert")).toContainText("Enter the note");
    await expectAccessibleWithoutJs(page);
    await page.getByLabel("Add an internal note").fill("Barnet was a typo: the offence was in Croydon.");
    await page.getByRole("button", { name: "Add note" }).click();
    const note = page.getByTestId("timeline").locator(".moj-timeline__item").first();
    await expect(note).toContainText("Internal note");
    await expect(note).toContainText("Not shown to the ISVA");
    await expect(note).toContainText("the offence was in Croydon");

    // Passing it on without choosing an Area keeps the reason typed.
    const reason = "The offence was in Croydon, which London South covers.";
    await page.getByText("Pass this query to another Area").click();
    await page.getByLabel("Why it belongs there").fill(reason);
    await page.getByRole("button", { name: "Pass the query on" }).click();
    await expect(page.getByRole("alert")).toContainText("Choose the Area to pass the query to");
    await expect(page.getByLabel("Why it belongs there")).toHaveValue(reason);
    await expectAccessibleWithoutJs(page);
    await page.getByLabel("Area", { exact: true }).selectOption({ label: "CPS London South" });
    await page.getByRole("button", { name: "Pass the query on" }).click();
    await expect(page).toHaveURL(/\/staff\/queries\?transferred=/);
    await expect(page.getByRole("status").filter({ hasText: reference })).toContainText(`Query ${reference} is now with CPS London South`);
    await expectAccessibleWithoutJs(page);
    expect((await page.goto(`/staff/queries/${reference}`))?.status()).toBe(404);

    const southContext = await browser.newContext({ javaScriptEnabled: false });
    const south = await southContext.newPage();
    await signIn(south, demo("vlo.london-south@portal.example"));
    await south.goto(`/staff/queries/${reference}`);
    const timeline = south.getByTestId("timeline");
    await expect(timeline.locator(".moj-timeline__item").first()).toContainText("Passed from CPS London North to CPS London South");
    await expect(timeline).toContainText(reason);
    await expectAccessibleWithoutJs(south);
    await southContext.close();

    // The ISVA sees the new Area and neither the note nor the reason.
    const isvaContext = await browser.newContext({ javaScriptEnabled: false });
    const isva = await isvaContext.newPage();
    await signIn(isva, demo("isva@isva-service.example"));
    await isva.goto(`/isva/queries/${reference}`);
    await expect(isva.locator("main")).toContainText("CPS London South");
    await expect(isva.locator("main")).not.toContainText("Croydon");
    await isvaContext.close();
  });
});

test.describe("saved replies", () => {
  test.use({ javaScriptEnabled: false });

  test("an Area keeps a saved reply and starts an answer from it without losing what was typed", async ({ page }) => {
    const reference = await insertQuery("london-south", "lambeth");
    const name = `Trial date not fixed (${Date.now()})`;
    await signIn(page, demo("staff.london-south@portal.example"));
    await page.goto("/staff/queries/snippets");
    await page.getByRole("button", { name: "Save the reply" }).click();
    await expect(page.getByRole("alert")).toContainText("Enter a name for the saved reply");
    await expectAccessibleWithoutJs(page);
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Wording").fill("The court has not fixed a trial date yet. We will tell you as soon as it does.");
    await page.getByRole("button", { name: "Save the reply" }).click();
    await expect(page.getByTestId("snippet").filter({ hasText: name })).toContainText("has not fixed a trial date");
    await expectAccessibleWithoutJs(page);

    await page.goto(`/staff/queries/${reference}`);
    await page.getByLabel("Reply", { exact: true }).fill("Thank you for your query.");
    await page.getByLabel("Start from a saved reply").selectOption({ label: name });
    await page.getByRole("button", { name: "Add to the reply" }).click();
    await expect(page.getByLabel("Reply", { exact: true })).toHaveValue(/^Thank you for your query\.\n\nThe court has not fixed a trial date yet/);
    await expectAccessibleWithoutJs(page);
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByTestId("thread")).toContainText("The court has not fixed a trial date yet");
  });
});

/** The portal's interface strings for queries in one language, by key, so the journey below reads the same in both. */
function strings(lang: "en" | "cy") {
  const common = JSON.parse(fs.readFileSync(path.join(process.cwd(), "locales", lang, "common.json"), "utf8")) as { queries: unknown };
  return (key: string) => {
    const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], common.queries);
    if (typeof value !== "string") throw new Error(`No string queries.${key} in ${lang}`);
    return value;
  };
}

for (const lang of ["en", "cy"] as const) {
  test(`in ${lang === "en" ? "English" : "Welsh"}: a query sent to the wrong Area is passed on, answered there from a saved reply, and read by the ISVA`, async ({ browser, page }) => {
    test.setTimeout(150_000);
    const t = strings(lang);
    const at = (pathname: string) => (lang === "cy" ? `/cy${pathname}` : pathname);
    const areaName = (id: "london-north" | "london-south") => ({ en: { "london-north": "CPS London North", "london-south": "CPS London South" }, cy: { "london-north": "CPS Gogledd Llundain", "london-south": "CPS De Llundain" } })[lang][id];
    const question = `${lang}: is the trial date fixed yet? (${Date.now()})`;

    // The ISVA chooses Barnet, so the query goes to London North; the offence was in Croydon.
    await signIn(page, demo("isva@isva-service.example"));
    await page.goto(at("/isva/queries/new"));
    await page.getByLabel(t("form.force"), { exact: true }).selectOption("metropolitan");
    await page.locator('select[name="boroughId"]').selectOption("barnet");
    await page.getByLabel(t("form.category")).selectOption("TRIAL_DATE");
    await page.getByLabel(t("form.question")).fill(question);
    await page.locator("label", { hasText: t("form.consentLabel") }).click();
    await page.getByRole("button", { name: t("form.check") }).click();
    await page.getByRole("button", { name: t("form.send") }).click();
    const panel = page.getByTestId("query-sent");
    await expect(panel).toContainText(areaName("london-north"));
    const reference = (await panel.locator("strong").textContent())!.trim();

    // London North passes it to London South, with the reason.
    const northContext = await browser.newContext();
    const north = await northContext.newPage();
    await signIn(north, demo("staff.london-north@portal.example"));
    await north.goto(at(`/staff/queries/${reference}`));
    await expect(north.getByTestId("thread")).toContainText(question);
    await north.getByText(t("transfer.summary")).click();
    await north.getByLabel(t("transfer.area"), { exact: true }).selectOption("london-south");
    await north.getByLabel(t("transfer.reason")).fill("Croydon is London South's.");
    await north.getByRole("button", { name: t("transfer.submit") }).click();
    await expect(north.getByRole("status").filter({ hasText: reference })).toContainText(t("transfer.done").replace("{{reference}}", reference).replace("{{area}}", areaName("london-south")));
    await expectAccessible(north);
    expect((await north.goto(at(`/staff/queries/${reference}`)))?.status()).toBe(404);
    await northContext.close();

    // London South keeps a saved reply and answers from it.
    const southContext = await browser.newContext();
    const south = await southContext.newPage();
    await signIn(south, demo("staff.london-south@portal.example"));
    const snippetName = `${lang} trial not listed ${Date.now()}`;
    const wording = `${lang}: the court has not listed the trial yet; we will tell you when it does.`;
    await south.goto(at("/staff/queries/snippets"));
    await south.getByLabel(t("snippets.name"), { exact: true }).fill(snippetName);
    await south.getByLabel(t("snippets.body")).fill(wording);
    await south.getByRole("button", { name: t("snippets.save") }).click();
    await expect(south.getByTestId("snippet").filter({ hasText: snippetName })).toBeVisible();
    await south.goto(at(`/staff/queries/${reference}`));
    await expect(south.getByTestId("timeline")).toContainText(t("timeline.transferred").replace("{{from}}", areaName("london-north")).replace("{{to}}", areaName("london-south")));
    await south.getByLabel(t("snippets.use")).selectOption({ label: snippetName });
    await south.getByRole("button", { name: t("snippets.insert") }).click();
    await expect(south.getByLabel(t("thread.reply"), { exact: true })).toHaveValue(wording);
    await south.getByRole("button", { name: t("thread.send"), exact: true }).click();
    await expect(south.getByTestId("thread")).toContainText(wording);
    await expectAccessible(south);
    await southContext.close();

    // The ISVA sees the reply marked new, with the Area it is now with, and reads it.
    await page.goto(at("/isva"));
    const row = page.getByTestId("isva-work").getByRole("row", { name: new RegExp(reference) });
    await expect(row).toContainText(t("unread"));
    await expectAccessible(page);
    await page.goto(at(`/isva/queries/${reference}`));
    await expect(page.locator("main")).toContainText(areaName("london-south"));
    await expect(page.getByTestId("thread")).toContainText(wording);
    await expect(page.locator("main")).not.toContainText("Croydon");
    await page.goto(at("/isva"));
    await expect(page.getByTestId("isva-work").getByRole("row", { name: new RegExp(reference) })).not.toContainText(t("unread"));
  });
}
