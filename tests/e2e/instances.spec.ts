// Two instances of the built portal on one database (tests/setup/instances.ts):
// what one instance does, the other must see. Sessions, rate limits, the mail
// outbox and meeting bookings live in PostgreSQL, so nothing may depend on
// which instance a load balancer picks. HTTP only, no browser.
import { expect, test as base, type APIRequestContext, type APIResponse } from "@playwright/test";
import { hashPassword } from "../../app/features/auth/password.server.ts";
import { LIMITS } from "../../app/features/security/rate-limit.server.ts";
import { startInstances, type Instance, type Instances } from "../setup/instances.ts";
import { createSignedInAccounts, type NewAccount } from "../setup/signed-in.ts";

const test = base.extend<{ instanceLogs: void }, { instances: Instances }>({
  instances: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const instances = await startInstances();
      try {
        await use(instances);
      } finally {
        await instances.stop();
      }
    },
    { scope: "worker", timeout: 90_000 },
  ],
  // A failing test's report carries what both instances logged.
  instanceLogs: [
    async ({ instances }, use, testInfo) => {
      await use();
      if (testInfo.status === testInfo.expectedStatus) return;
      for (const instance of [instances.a, instances.b]) {
        await testInfo.attach(`instance ${instance.name} output`, { body: instance.output(), contentType: "text/plain" });
      }
    },
    { auto: true },
  ],
});

// One pair of instances for the whole file: its tests run in order, in one worker.
test.describe.configure({ mode: "default" });

const FORM = { "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin" };
const REFERENCE = "[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}";
const TOO_MANY = "Too many attempts. Wait 15 minutes and try again.";
const OVERLAP = "That time overlaps another meeting for this officer or room. Choose another time.";
const QUESTION =
  "Could you tell me whether the file has gone to a CPS lawyer for a charging decision yet, and roughly when a decision is expected?";

function get(request: APIRequestContext, url: string, cookie?: string) {
  return request.get(url, { headers: cookie ? { Cookie: cookie } : {}, maxRedirects: 0, timeout: 15_000 });
}

function post(request: APIRequestContext, url: string, fields: Record<string, string>, cookie?: string) {
  return request.post(url, {
    headers: cookie ? { ...FORM, Cookie: cookie } : FORM,
    data: new URLSearchParams(fields).toString(),
    maxRedirects: 0,
    timeout: 15_000,
  });
}

const location = (response: APIResponse) => response.headers().location ?? "";

async function accounts(instances: Instances, list: NewAccount[]) {
  const client = await instances.db.connect();
  try {
    return await createSignedInAccounts(client, list);
  } finally {
    client.release();
  }
}

function isvas(prefix: string, count: number): NewAccount[] {
  return Array.from({ length: count }, (_, i) => ({
    email: `${prefix}-${i + 1}@isva-service.example`,
    name: `ISVA ${prefix} ${i + 1}`,
    roles: ["ISVA"],
    organisation: "Example ISVA Service",
  }));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("both instances started together on an empty database, which one of them migrated", async ({ instances }) => {
  const { a, b, db } = instances;
  await expect.poll(() => [a.logged("listening"), b.logged("listening")]).toEqual([1, 1]);
  // The other waited for the advisory lock, then found nothing left to apply.
  expect(a.logged("migrations applied") + b.logged("migrations applied")).toBe(1);
  const twice = await db.query(`SELECT migration_name FROM "_prisma_migrations" GROUP BY migration_name HAVING count(*) > 1`);
  expect(twice.rows).toEqual([]);
});

test("a session ended on one instance is refused on the other", async ({ instances, request }) => {
  const { a, b } = instances;
  const [isva] = await accounts(instances, isvas("signed-out", 1));

  const before = await get(request, `${b.url}/isva/queries`, isva!.cookie);
  expect(before.status()).toBe(200);

  // Sign out on A with the form every signed-in page carries.
  const page = await (await get(request, `${a.url}/isva/queries`, isva!.cookie)).text();
  const form = /<form method="post" action="([^"]*\/sign-out)"[^>]*><input type="hidden" name="csrf" value="([^"]+)"/.exec(page);
  expect(form, "the sign-out form").not.toBeNull();
  const signedOut = await post(request, `${a.url}${form![1]}`, { csrf: form![2]! }, isva!.cookie);
  expect(signedOut.status()).toBe(302);
  expect(location(signedOut)).toBe("/sign-in");

  const after = await get(request, `${b.url}/isva/queries`, isva!.cookie);
  expect(after.status()).toBe(302);
  expect(location(after)).toBe("/sign-in");
});

test("an inbox on one instance shows a query sent through the other at once, and not after sign-out there", async ({ instances, request }) => {
  const { a, b } = instances;
  const [staff, isva] = await accounts(instances, [
    { email: "kept-inbox-staff@cps.example", name: "Kept Inbox Staff", roles: ["AREA_STAFF"], areaId: "north-west" },
    ...isvas("kept-inbox", 1),
  ]);
  const inbox = async () => {
    const response = await get(request, `${b.url}/staff/queries`, staff!.cookie);
    return { status: response.status(), html: await response.text(), location: location(response) };
  };
  // B renders the inbox once, then sends it again while nothing changes.
  const first = await inbox();
  expect(first.status).toBe(200);
  expect((await inbox()).status).toBe(200);

  // A query for Lancashire (CPS North West) is sent through A.
  const fields = { csrf: isva!.csrf, intent: "send", forceId: "lancashire", category: "CASE_PROGRESS", question: QUESTION, consent: "yes" };
  const sent = await post(request, `${a.url}/isva/queries/new`, fields, isva!.cookie);
  const reference = new RegExp(`/isva/queries/(Q-${REFERENCE})`).exec(location(sent))?.[1];
  expect(reference, "the new query's reference").toBeTruthy();
  expect(first.html).not.toContain(reference);
  expect((await inbox()).html).toContain(reference);

  // Signed out on A: B no longer sends the inbox.
  const form = /<form method="post" action="([^"]*\/sign-out)"[^>]*><input type="hidden" name="csrf" value="([^"]+)"/.exec(first.html);
  expect(form, "the sign-out form").not.toBeNull();
  expect((await post(request, `${a.url}${form![1]}`, { csrf: form![2]! }, staff!.cookie)).status()).toBe(302);
  const after = await inbox();
  expect(after.status).toBe(302);
  expect(after.location).toBe("/sign-in");

  // The query's two e-mails are delivered before the next test counts deliveries.
  const delivered = async () =>
    Number(
      (
        await instances.db.query<{ n: string }>(
          `SELECT count(*) AS n FROM outbox_message m JOIN isva_query q
               ON m.idempotency_key IN ('query-received:' || q.id, 'query-acknowledged:' || q.id)
            WHERE q.reference = $1 AND m.status = 'SENT'`,
          [reference],
        )
      ).rows[0]!.n,
    );
  await expect.poll(delivered, { timeout: 20_000 }).toBe(2);
});

test("failed sign-ins for one account count on both instances together", async ({ instances, request }) => {
  const { a, b } = instances;
  const password = "amber-violet-harbour-compass-81";
  const [account] = await accounts(instances, [
    { ...isvas("sign-in", 1)[0]!, passwordHash: await hashPassword(password) },
  ]);
  const signIn = (instance: Instance, attempt: string) =>
    post(request, `${instance.url}/sign-in`, { email: account!.email, password: attempt });

  // The password is right: it is accepted (which also starts the count afresh).
  const accepted = await signIn(b, password);
  expect(accepted.status()).toBe(302);
  expect(location(accepted)).toBe("/sign-in/code");

  // The allowance, spread over both instances: each sees only half of it.
  for (let attempt = 1; attempt <= LIMITS.signInAccount.points; attempt++) {
    const refused = await signIn(attempt % 2 ? a : b, `wrong-password-${attempt}`);
    expect(refused.status(), `wrong password ${attempt}`).toBe(400);
  }
  // Then even the right password is refused, on either instance.
  for (const instance of [a, b]) {
    const refused = await signIn(instance, password);
    expect(refused.status(), `instance ${instance.name}`).toBe(429);
    expect(await refused.text()).toContain(TOO_MANY);
  }
});

test("each queued e-mail is sent once, with the outbox workers of both instances running", async ({ instances }) => {
  test.setTimeout(60_000);
  const { a, b, db, smtp } = instances;
  const count = 200;
  const claimedBefore = { a: a.claimed(), b: b.claimed() };
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO outbox_message (id, to_address, subject, text_body, next_attempt_at, created_at)
     SELECT gen_random_uuid(), 'person' || n || '@outbox.example', 'Outbox message ' || n, 'Message ' || n,
            now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
       FROM generate_series(1, $1::int) AS n
     RETURNING id`,
    [count],
  );
  const ids = new Set(rows.map((row) => row.id));

  const sent = async () =>
    Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM outbox_message WHERE id = ANY($1) AND status = 'SENT'`, [[...ids]])).rows[0]!.n);
  await expect.poll(sent, { timeout: 40_000, intervals: [250] }).toBe(count);
  // Time for a second delivery of any message to arrive, were one under way.
  await sleep(1_500);

  const received = new Map<string, number>();
  for (const mail of smtp.received) {
    const id = /^<outbox\.([0-9a-f-]{36})@/.exec(mail.messageId ?? "")?.[1];
    if (id && ids.has(id)) received.set(id, (received.get(id) ?? 0) + 1);
  }
  expect(received.size, "messages received").toBe(count);
  expect([...received.values()].filter((times) => times !== 1), "messages received more than once").toEqual([]);
  const attempts = await db.query(`SELECT id FROM outbox_message WHERE id = ANY($1) AND attempts <> 1`, [[...ids]]);
  expect(attempts.rows, "messages claimed more than once").toEqual([]);

  const byA = a.claimed() - claimedBefore.a;
  const byB = b.claimed() - claimedBefore.b;
  expect(byA + byB, "messages claimed, from both workers' logs").toBe(count);
  test.info().annotations.push({ type: "outbox", description: `claimed by A: ${byA}, by B: ${byB}` });
});

test("simultaneous overlapping bookings for one VLO on both instances: exactly one is stored", async ({ instances, request }) => {
  const { a, b, db } = instances;
  const [vlo] = await accounts(instances, [
    { email: "vlo.instances@cps.example", name: "VLO Instances", roles: ["VLO"], areaId: "north-west" },
  ]);

  // Requests from the public form, routed to the VLO's Area (Lancashire is in the North West):
  // one for each booking, since a request already booked is refused for that reason instead.
  const references: string[] = [];
  for (const [i, instance] of Array.from({ length: 16 }, (_, n) => (n % 2 ? b : a)).entries()) {
    const sent = await post(request, `${instance.url}/pre-trial-meeting/request`, {
      name: `Victim ${i + 1}`,
      channels: "phone",
      phone: "01632 960123",
      forceId: "lancashire",
      format: "IN_PERSON",
    });
    expect(sent.status()).toBe(200);
    const reference = new RegExp(`M-${REFERENCE}`).exec(await sent.text())?.[0];
    expect(reference, "the meeting request's reference").toBeTruthy();
    references.push(reference!);
  }

  // 16 bookings at once, half on each instance, every one overlapping every other.
  const bookings = Array.from({ length: 16 }, (_, i) => ({
    instance: i % 2 ? b : a,
    reference: references[i]!,
    start: `10:${String((i % 4) * 15).padStart(2, "0")}`,
  }));
  const responses = await Promise.all(
    bookings.map(({ instance, reference, start }) =>
      post(request, `${instance.url}/staff/meetings/${reference}`, { csrf: vlo!.csrf, intent: "book-time", "date.day": "10", "date.month": "3", "date.year": "2031", start, length: "60", room: "", mode: "IN_PERSON" }, vlo!.cookie),
    ),
  );
  const outcomes = await Promise.all(responses.map(async (response) => ({ status: response.status(), body: await response.text() })));
  const booked = outcomes.filter((outcome) => outcome.status === 200);
  const refused = outcomes.filter((outcome) => outcome.status === 409);
  expect(outcomes.map((outcome) => outcome.status).sort()).toEqual([200, ...Array<number>(15).fill(409)]);
  expect(booked[0]!.body).toContain('data-testid="booked"');
  for (const outcome of refused) expect(outcome.body).toContain(OVERLAP);

  const stored = await db.query(`SELECT id FROM meeting WHERE vlo_id = $1 AND status = 'BOOKED'`, [vlo!.userId]);
  expect(stored.rows).toHaveLength(1);
});

test("500 mixed requests over both instances lose nothing", async ({ instances, request }) => {
  test.setTimeout(90_000);
  const { a, b, db } = instances;
  const submitters = await accounts(instances, isvas("submitter", 150));
  const readers = await accounts(instances, isvas("reader", 10));
  const publicPaths = [
    "/",
    "/walkthrough",
    "/walkthrough/charging-decision",
    "/cy/walkthrough/charging-decision",
    "/evidence",
    "/glossary",
    "/special-measures",
    "/pre-trial-meeting",
  ];
  const signedInPaths = ["/isva", "/isva/queries", "/isva/queries/new", "/account"];

  type Kind = "public" | "signed-in" | "submission";
  type Planned = { kind: Kind; send: () => Promise<APIResponse> };
  const served: Record<Kind, number> = { public: 0, "signed-in": 0, submission: 0 };
  // The nth request of each kind alternates between the instances; each pair
  // (one on A, one on B) takes the next path and account, so both serve them all.
  const take = (kind: Kind) => {
    const n = served[kind]++;
    return { n, pair: Math.floor(n / 2), url: (n % 2 ? b : a).url };
  };
  const plan: Planned[] = [];
  for (let i = 0; i < 500; i++) {
    const slot = i % 10;
    if (slot < 4) {
      const { pair, url } = take("public");
      const path = publicPaths[pair % publicPaths.length]!;
      plan.push({ kind: "public", send: () => get(request, `${url}${path}`) });
    } else if (slot < 7) {
      const { pair, url } = take("signed-in");
      const reader = readers[pair % readers.length]!;
      const path = signedInPaths[pair % signedInPaths.length]!;
      plan.push({ kind: "signed-in", send: () => get(request, `${url}${path}`, reader.cookie) });
    } else {
      // One submission per ISVA, so no ISVA comes near the hourly limit.
      const { n, url } = take("submission");
      const isva = submitters[n]!;
      const fields = { csrf: isva.csrf, intent: "send", forceId: "lancashire", category: "CASE_PROGRESS", question: QUESTION, consent: "yes" };
      plan.push({ kind: "submission", send: () => post(request, `${url}/isva/queries/new`, fields, isva.cookie) });
    }
  }
  expect(served).toEqual({ public: 200, "signed-in": 150, submission: 150 });

  // 16 requests in flight at a time.
  type Outcome = { kind: Kind; status: number; location: string };
  const outcomes: Outcome[] = [];
  let taken = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let item = plan[taken++]; item; item = plan[taken++]) {
        const response = await item.send();
        await response.body();
        outcomes.push({ kind: item.kind, status: response.status(), location: location(response) });
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  test.info().annotations.push({ type: "load", description: `500 requests in ${seconds.toFixed(1)} s` });

  expect(outcomes).toHaveLength(500);
  const sent = new RegExp(`^/isva/queries/(Q-${REFERENCE})\\?sent=1$`);
  const submissions = outcomes.filter((outcome) => outcome.kind === "submission");
  const redirected = submissions.flatMap((outcome) => sent.exec(outcome.location)?.[1] ?? []);
  const others = outcomes.filter((outcome) => outcome.kind !== "submission");
  expect(others.filter((outcome) => outcome.status < 200 || outcome.status >= 400), "answers that were not 2xx or 3xx").toEqual([]);
  expect(submissions.filter((outcome) => !sent.test(outcome.location)), "submissions not redirected to the new query").toEqual([]);

  // Every query that was confirmed is stored, with its two e-mails; nothing else was stored.
  const stored = await db.query<{ reference: string; mails: string }>(
    `SELECT q.reference,
            (SELECT count(*) FROM outbox_message m
              WHERE m.idempotency_key IN ('query-received:' || q.id, 'query-acknowledged:' || q.id)) AS mails
       FROM isva_query q
      WHERE q.isva_id = ANY($1::uuid[])`,
    [submitters.map((isva) => isva.userId)],
  );
  expect(stored.rows.map((row) => row.reference).sort()).toEqual([...redirected].sort());
  expect(stored.rows.filter((row) => Number(row.mails) !== 2), "queries without exactly two e-mails").toEqual([]);
});
