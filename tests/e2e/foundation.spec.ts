import { expect, expectAccessible, test } from "./fixtures.ts";

const NEUTRAL_SITE = "https://www.bbc.co.uk/weather";

test.describe("home page", () => {
  for (const [path, lang, title] of [
    ["/", "en", "Support and information after rape or sexual assault"],
    ["/cy", "cy", "Cymorth a gwybodaeth ar ôl trais rhywiol neu ymosodiad rhywiol"],
  ] as const) {
    test(`${path} is in ${lang}, declares both languages and sets no cookie`, async ({ page, visit, context }) => {
      const setCookies: string[] = [];
      page.on("response", async (response) => {
        const header = await response.headerValue("set-cookie");
        if (header) setCookies.push(`${response.url()}: ${header}`);
      });
      await visit(path);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
      await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute("href", /\/$/);
      await expect(page.locator('link[rel="alternate"][hreflang="cy"]')).toHaveAttribute("href", /\/cy$/);
      expect(setCookies).toEqual([]);
      expect(await context.cookies()).toEqual([]);
    });
  }
});

test.describe("language switch", () => {
  test("keeps the reader on the same page in the other language", async ({ page, visit }) => {
    await visit("/cookies");
    await page.getByRole("link", { name: "Cymraeg" }).click();
    await expect(page).toHaveURL(/\/cy\/cookies$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "cy");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cwcis");
    await expect(page).toHaveTitle("Cwcis – Porth RASSO");
    await expectAccessible(page);
    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/cookies$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cookies");
    await expect(page).toHaveTitle("Cookies – RASSO portal");
  });
});

test.describe("Exit this page", () => {
  test.beforeEach(async ({ context }) => {
    // No real network here: the neutral site is answered locally.
    await context.route("https://www.bbc.co.uk/**", (route) =>
      route.fulfill({ contentType: "text/html", body: "<!doctype html><title>Weather</title><h1>Weather</h1>" }),
    );
  });

  test("leaves at once when clicked, covering the page and replacing it in history", async ({ page, visit }) => {
    await page.goto("about:blank");
    await visit("/get-help");
    await page.getByRole("button", { name: "Exit this page" }).click();
    await expect(page).toHaveURL(NEUTRAL_SITE);
    await page.goBack();
    await expect(page).toHaveURL("about:blank");
  });

  test("covers the page in the same moment, and announces it", async ({ page, visit }) => {
    await visit("/");
    await page.route(NEUTRAL_SITE, () => {}); // hold the navigation so the page stays to be inspected
    const seen = await page.evaluate(async () => {
      (document.querySelector('[data-testid="exit-this-page"]') as HTMLElement).click();
      const overlayAtOnce = document.querySelector(".govuk-exit-this-page-overlay")?.textContent ?? null;
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { overlayAtOnce, announced: document.querySelector('[data-testid="exit-announcement"]')?.textContent };
    });
    expect(seen).toEqual({ overlayAtOnce: "Exiting page.", announced: "Exiting page." });
  });

  test("leaves when Shift is pressed three times, announcing progress", async ({ page, visit }) => {
    await visit("/cy");
    await page.keyboard.press("Shift");
    await expect(page.getByTestId("exit-announcement")).toHaveText("Shift, pwyswch 2 waith eto i adael.");
    await page.keyboard.press("Shift");
    await expect(page.getByTestId("exit-announcement")).toHaveText("Shift, pwyswch 1 waith eto i adael.");
    await page.keyboard.press("Shift");
    await expect(page).toHaveURL(NEUTRAL_SITE);
  });

  test("does not leave when other keys come between the Shift presses", async ({ page, visit }) => {
    await visit("/");
    await page.keyboard.press("Shift");
    await page.keyboard.press("Shift");
    await page.keyboard.press("a");
    await page.keyboard.press("Shift");
    await expect(page).toHaveURL(/\/$/);
  });
});

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("Exit this page is a plain link that still works", async ({ page, visit, context }) => {
    await context.route("https://www.bbc.co.uk/**", (route) =>
      route.fulfill({ contentType: "text/html", body: "<!doctype html><title>Weather</title>" }),
    );
    await visit("/leaving-no-trace");
    await page.getByRole("button", { name: "Exit this page" }).click();
    await expect(page).toHaveURL(NEUTRAL_SITE);
  });

  test("the language switch works", async ({ page, visit }) => {
    await visit("/privacy");
    await page.getByRole("link", { name: "Cymraeg" }).click();
    await expect(page).toHaveURL(/\/cy\/privacy$/);
  });
});

test.describe("responses", () => {
  test("carry an enforced CSP, HSTS and no cookie; public pages use no nonce", async ({ request }) => {
    for (const path of ["/", "/cy", "/accessibility"]) {
      const response = await request.get(path);
      expect(response.status()).toBe(200);
      const headers = response.headers();
      const csp = headers["content-security-policy"] ?? "";
      // A public page is a document: its scripts are allowed by source alone.
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("style-src 'self';");
      expect(csp).not.toContain("nonce-");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(headers["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["referrer-policy"]).toBe("no-referrer");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(headers["access-control-allow-origin"]).toBeUndefined();
      expect(headers["permissions-policy"]).toContain("camera=()");
      expect(headers["set-cookie"]).toBeUndefined();
      expect(headers["cache-control"]).toMatch(/public/);
      expect(headers.etag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
      // Public pages run no inline script: only the enhancement module, from the portal itself.
      const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
      for (const tag of scripts) expect(tag).toMatch(/src="\/build\/|type="application\/json"/);
    }
  });

  test("signed-in pages carry a fresh nonce on every response, and no tag", async ({ request }) => {
    const nonces = [];
    for (let i = 0; i < 3; i++) {
      const response = await request.get("/sign-in");
      expect(response.status()).toBe(200);
      const csp = response.headers()["content-security-policy"] ?? "";
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
      expect(response.headers().etag).toBeUndefined();
      nonces.push(csp.match(/'nonce-([^']+)'/)![1]);
    }
    expect(new Set(nonces).size).toBe(nonces.length);
  });

  test("fingerprinted assets are cached for a year, and compressed", async ({ request, page }) => {
    await page.goto("/");
    const css = await page.locator('link[rel="stylesheet"]').first().getAttribute("href");
    const response = await request.get(css!, { headers: { "accept-encoding": "gzip" } });
    expect(response.headers()["cache-control"]).toMatch(/max-age=31536000.*immutable/);
    expect(response.headers()["content-encoding"]).toBe("gzip");
  });

  test("public pages are rendered once and then served byte for byte the same to everyone, with a tag", async ({ request }) => {
    const first = await request.get("/cy/walkthrough/trial");
    const second = await request.get("/cy/walkthrough/trial");
    expect(await second.text()).toBe(await first.text());
    for (const name of ["content-security-policy", "etag", "cache-control", "strict-transport-security", "vary"]) {
      expect(second.headers()[name], name).toBeDefined();
      expect(second.headers()[name], name).toBe(first.headers()[name]);
    }
    // One Cache-Control, public: the portal's page cache keeps it, and so may a CDN.
    expect(second.headers()["cache-control"]).toBe("public, max-age=300, s-maxage=600, stale-while-revalidate=86400");
    // A repeat visit that sends the tag back gets "not modified", and no body.
    const repeat = await request.get("/cy/walkthrough/trial", { headers: { "if-none-match": second.headers().etag! } });
    expect(repeat.status()).toBe(304);
    expect((await repeat.body()).length).toBe(0);
    expect(repeat.headers().etag).toBe(second.headers().etag);
    const changed = await request.get("/cy/walkthrough/trial", { headers: { "if-none-match": 'W/"another-page"' } });
    expect(changed.status()).toBe(200);
    expect(await changed.text()).toBe(await first.text());
  });

  test("a public page read from the database is rendered on each visit, and answers a repeat visit with 304", async ({ request }) => {
    const first = await request.get("/support-services");
    expect(first.headers()["cache-control"]).toBe("public, no-cache");
    const tag = first.headers().etag;
    expect(tag).toMatch(/^W\//);
    const repeat = await request.get("/support-services", { headers: { "if-none-match": tag! } });
    expect(repeat.status()).toBe(304);
    expect(repeat.headers()["content-security-policy"]).toBe(first.headers()["content-security-policy"]);
  });

  test("the health check reports the database", async ({ request }) => {
    const response = await request.get("/healthz");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  test.describe(() => {
    test.use({ allowConsole: [/status of 404/] });
    test("unknown pages are a 404 in the right language", async ({ page }) => {
    const response = await page.goto("/cy/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Heb ddod o hyd i'r dudalen");
    await expectAccessible(page);
    });
  });

  test("cross-site form posts are refused", async ({ request }) => {
    const response = await request.post("/", { headers: { "sec-fetch-site": "cross-site" }, form: { a: "b" } });
    expect(response.status()).toBe(403);
  });
});
