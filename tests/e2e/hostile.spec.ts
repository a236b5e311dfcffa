// Hostile input against every form of the portal, over HTTP, against the
// built server: markup, line breaks, NUL, right-to-left overrides, 1 MB
// values, wrong shapes and body types, forged records of another Area, missing
// form tokens, cross-site posts and replayed single-use links. Every answer
// must be a clear 4xx, never a 5xx; nothing stored may come back unescaped; no
// value may add a header to an e-mail; valid values typed alongside a refused
// one come back in the form. Accounts are written straight into the database
// (tests/setup/signed-in.ts), so no test waits for an authenticator code.
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import pg from "pg";
import type { APIRequestContext } from "@playwright/test";
import { hashPassword } from "../../app/features/auth/password.server.ts";
import { createSignedInAccounts, type NewAccount, type SignedInAccount } from "../setup/signed-in.ts";
import { dataDir } from "./accounts-helpers.ts";
import { expect, test as base } from "./fixtures.ts";

const PORT = Number(process.env.E2E_PORT ?? 3300);
const BASE_URL = `http://localhost:${PORT}`;
const DATABASE_URL = `postgresql://portal:portal-local-only@127.0.0.1:${PORT + 2000}/portal`;

const PAYLOADS = {
  script: "<script>alert(1)</script>",
  attribute: '"><img src=x onerror=alert(1)>',
  crlf: "a\r\nBcc: x@evil.example",
  nul: "a\u0000b",
  rtl: "\u202Etxt.exe",
  /** Passes a loose id check (/^[0-9a-f-]{36}$/) but is no UUID. */
  hyphens: "-".repeat(36),
} as const;
type PayloadKind = keyof typeof PAYLOADS;
const KINDS = Object.keys(PAYLOADS) as PayloadKind[];
const MEGABYTE = "a".repeat(1024 * 1024);
const ESCAPED = { script: "&lt;script&gt;alert(1)&lt;/script&gt;", attribute: "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" };
const STRONG_PASSWORD = "violet-canal-pepper-ostrich-19";
const FORM = "application/x-www-form-urlencoded";
const MEETING_REFERENCE = /M-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}/;
/** Letters no other browser test edits; each worker drafts its own. */
const DRAFT_LETTERS = ["giving-evidence", "trial-date", "outcome-and-sentence", "point-of-charge"];
/** A letter read (never changed) by the render forms. */
const RENDER_LETTER = "charges-changed";

// ---------------------------------------------------------------------------
// Requests and what to check in every answer

type Pairs = [string, string][];
type Answer = { status: number; text: string; headers: Record<string, string>; location: string };
type Send = {
  cookie?: string;
  pairs?: Pairs;
  /** A raw body, sent with `contentType` (default: a URL-encoded form). */
  body?: string | Buffer;
  contentType?: string | null;
  multipart?: Record<string, string>;
  /** Replaces the same-origin Sec-Fetch-Site header a browser sends. */
  headers?: Record<string, string>;
  crossSite?: boolean;
};

async function call(api: APIRequestContext, method: "GET" | "POST", url: string, send: Send = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (send.cookie) headers.Cookie = send.cookie;
  if (method === "POST") {
    if (!send.crossSite) headers["Sec-Fetch-Site"] = "same-origin";
    if (send.contentType !== null && !send.multipart) headers["Content-Type"] = send.contentType ?? FORM;
  }
  Object.assign(headers, send.headers);
  const response = await api.fetch(url, {
    method,
    headers,
    data: send.body ?? (send.pairs ? new URLSearchParams(send.pairs).toString() : undefined),
    multipart: send.multipart,
    maxRedirects: 0,
    timeout: 30_000,
  });
  return { status: response.status(), text: await response.text(), headers: response.headers(), location: response.headers().location ?? "" };
}

/** Never a 5xx; no markup of ours comes back raw; no header of ours in the answer. */
function expectSafe(answer: Answer, what: string) {
  expect.soft(answer.status, `${what}: status`).toBeLessThan(500);
  expect.soft(/<script>alert\(1\)/i.test(answer.text), `${what}: a script element came back unescaped`).toBe(false);
  expect.soft(/<img src=x onerror/i.test(answer.text), `${what}: an image element came back unescaped`).toBe(false);
  const headerLines = Object.entries(answer.headers).map(([name, value]) => `${name}: ${value}`).join("\n");
  expect.soft(/evil\.example|^bcc:/im.test(headerLines), `${what}: a header came from the input`).toBe(false);
}

function expectStatus(answer: Answer, expected: number[], what: string) {
  expectSafe(answer, what);
  expect.soft(expected, `${what}: status ${answer.status}`).toContain(answer.status);
}

/** Runs the work over the items, a few at a time. */
async function inPool<T>(items: T[], size: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const runners = Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(runners);
}

const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#x27;": "'", "&#39;": "'", "&amp;": "&" };
const decode = (text: string) => text.replace(/&(?:lt|gt|quot|amp|#x27|#39);/g, (entity) => ENTITIES[entity]!);
const attributeOf = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** What a re-rendered form holds for a field: inputs' values (checked ones of a group), a textarea's text, a select's chosen option. */
function typedValues(html: string, name: string): string[] {
  const values: string[] = [];
  for (const match of html.matchAll(/<(input|textarea|select)\b[^>]*>/g)) {
    const [tag, element] = match;
    if (attributeOf(tag, "name") !== name) continue;
    if (element === "input") {
      const type = attributeOf(tag, "type");
      if ((type === "checkbox" || type === "radio") && !/\schecked=""/.test(tag)) continue;
      const value = attributeOf(tag, "value");
      if (value !== undefined) values.push(decode(value));
      continue;
    }
    const start = match.index! + tag.length;
    const inner = html.slice(start, html.indexOf(`</${element}>`, start));
    if (element === "textarea") values.push(decode(inner.replace(/^\n/, "")));
    else {
      const chosen = /<option\b[^>]*\sselected=""[^>]*>/.exec(inner);
      if (chosen) values.push(decode(attributeOf(chosen[0], "value") ?? ""));
    }
  }
  return values;
}

// ---------------------------------------------------------------------------
// Mail the portal wrote

function mailFiles() {
  const dir = path.join(dataDir(), "mail");
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((file) => file.endsWith(".eml")).sort().map((file) => path.join(dir, file)) : [];
}

/** The text of every e-mail to an address that `wanted` accepts, waiting for the outbox worker. */
async function mailTexts(address: string, wanted: (text: string) => boolean, timeoutMs = 20_000): Promise<string[]> {
  const { simpleParser } = await import("mailparser");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const texts: string[] = [];
    for (const file of mailFiles()) {
      const raw = fs.readFileSync(file, "utf8");
      if (!raw.includes(address)) continue;
      const parsed = await simpleParser(raw);
      const to = parsed.to ? (Array.isArray(parsed.to) ? parsed.to : [parsed.to]).flatMap((list) => list.value.map((a) => a.address)) : [];
      if (to.includes(address) && wanted(parsed.text ?? "")) texts.push(parsed.text ?? "");
    }
    if (texts.length || Date.now() > deadline) return texts;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A link in an e-mail to an address (about a record, when `about` is given). */
async function linkTo(address: string, pattern: RegExp, about = "") {
  const [text] = await mailTexts(address, (text) => pattern.test(text) && text.includes(about));
  const match = text ? pattern.exec(text) : null;
  if (!match) throw new Error(`No e-mail to ${address} with ${pattern}`);
  return match;
}

// ---------------------------------------------------------------------------
// The world each worker tests in: its own accounts and records

type Who = SignedInAccount;
type World = {
  run: string;
  api: APIRequestContext;
  db: pg.Pool;
  isva: Who;
  otherIsva: Who;
  southStaff: Who;
  southVlo: Who;
  northStaff: Who;
  northVlo: Who;
  editor: Who;
  admin: Who;
  /** An account the administrator's forms act on. */
  target: Who;
  /** Part-way through signing in: password checked, code not yet. */
  codeUser: Who;
  recoveryUser: Who;
  /** Signed in with a password, setting up the authenticator. */
  setupUser: Who;
  /** Signs out on every post that is not refused. */
  leaver: Who;
  /** An account with a password, for the reset link. */
  resetEmail: string;
  /** A London South query sent by `isva`. */
  query: string;
  /** London South meeting requests: one with a time offered, one booked; and one of London North. */
  offer: string;
  booked: string;
  north: string;
  /** The open slot offered to `offer`, and the meeting booked for `booked`. */
  slotId: string;
  meetingId: string;
  letter: string;
  draft: number;
  victimEmail: string;
};

const post = (w: World, url: string, send: Send) => call(w.api, "POST", url, send);
const get = (w: World, url: string, who?: Who) => call(w.api, "GET", url, { cookie: who?.cookie });
const signedPairs = (who: Who, pairs: Pairs): Pairs => [["csrf", who.csrf], ...pairs];

function personalDataMarkers(run: string) {
  return { victimName: `Zephyrine Quillon ${run}`, registrantName: `Ottoline Brackenbury ${run}`, question: `Hostile question ${run}` };
}

async function buildWorld(api: APIRequestContext, db: pg.Pool, workerIndex: number): Promise<World> {
  const run = `${Date.now().toString(36)}${crypto.randomBytes(3).toString("hex")}`;
  const markers = personalDataMarkers(run);
  // The log test (server-logs.spec.ts) looks for these as well as for e-mail addresses.
  fs.appendFileSync(path.join(dataDir(), "personal-data-markers.txt"), `${Object.values(markers).join("\n")}\n`);
  const email = (who: string) => `hostile.${who}.${run}@isva-service.example`;
  const account = (who: string, roles: NewAccount["roles"], areaId?: string, extra: Partial<NewAccount> = {}): NewAccount => ({
    email: roles.includes("ISVA") ? email(who) : `hostile.${who}.${run}@cps.example`,
    name: `Hostile ${who} ${PAYLOADS.script}`,
    roles,
    areaId,
    organisation: roles.includes("ISVA") ? `Service ${PAYLOADS.attribute}` : undefined,
    ...extra,
  });
  const wanted = {
    isva: account("isva", ["ISVA"]),
    otherIsva: account("other-isva", ["ISVA"]),
    southStaff: account("south-staff", ["AREA_STAFF"], "london-south"),
    southVlo: account("south-vlo", ["VLO"], "london-south"),
    northStaff: account("north-staff", ["AREA_STAFF"], "london-north"),
    northVlo: account("north-vlo", ["VLO"], "london-north"),
    editor: account("editor", ["LETTER_EDITOR"]),
    admin: account("admin", ["ADMIN"]),
    target: account("target", ["ISVA"]),
    codeUser: account("code", ["ISVA"]),
    recoveryUser: account("recovery", ["ISVA"]),
    setupUser: account("setup", ["ISVA"]),
    leaver: account("leaver", ["ISVA"]),
    reset: account("reset", ["ISVA"], undefined, { passwordHash: await hashPassword(STRONG_PASSWORD) }),
  };
  const client = await db.connect();
  let who: Record<keyof typeof wanted, Who>;
  try {
    const created = await createSignedInAccounts(client, Object.values(wanted));
    who = Object.fromEntries(Object.keys(wanted).map((key, i) => [key, created[i]!])) as typeof who;
    const partial = [who.codeUser, who.recoveryUser, who.setupUser].map((account) => account.userId);
    await client.query(`UPDATE session SET mfa_pending = true WHERE user_id = ANY($1::uuid[])`, [partial]);
    await client.query(`UPDATE app_user SET totp_enabled_at = NULL WHERE id = $1`, [who.setupUser.userId]);
  } finally {
    client.release();
  }
  const { reset, ...signedIn } = who;
  const { isva, southVlo, northVlo, editor, setupUser } = signedIn;
  // The records below are added as they are made.
  const w = { ...signedIn, run, api, db, resetEmail: reset.email } as Partial<World> as World;

  // The authenticator set-up starts when its page is first shown.
  expect((await get(w, "/account/two-factor", setupUser)).status).toBe(200);

  // A query to London South, its question full of markup and line breaks.
  const sent = await post(w, "/isva/queries/new", {
    cookie: isva.cookie,
    pairs: signedPairs(isva, [
      ["forceId", "metropolitan"], ["boroughId", "lambeth"], ["category", "TRIAL_DATE"],
      ["question", `${markers.question} ${PAYLOADS.script}\r\nBcc: x@evil.example ${PAYLOADS.attribute}`], ["consent", "yes"], ["intent", "send"],
    ]),
  });
  expect(sent.status, "the query is sent").toBe(302);
  w.query = /\/isva\/queries\/(Q-[^?]+)/.exec(sent.location)![1]!;

  // Meeting requests recorded by phone, the victim's details full of markup;
  // e-mail is safe, so the victim is written to.
  w.victimEmail = `victim.${run}@home.example`;
  const request = async (vlo: Who, borough: string) => {
    const answer = await post(w, "/staff/meetings/new", {
      cookie: vlo.cookie,
      pairs: signedPairs(vlo, [
        ["name", `${markers.victimName}\r\nBcc: x@evil.example`], ["channels", "email"], ["channels", "phone"], ["email", w.victimEmail], ["phone", "01632 960111"],
        ["times", PAYLOADS.attribute], ["askFor", PAYLOADS.script], ["forceId", "metropolitan"], ["boroughId", borough], ["format", "EITHER"],
        ["access", `Needs ${PAYLOADS.script}`], ["interpreter", PAYLOADS.attribute], ["topics", "the-day"], ["language", "en"],
      ]),
    });
    expect(answer.status, "the meeting request is recorded").toBe(200);
    return MEETING_REFERENCE.exec(answer.text)![0];
  };
  w.offer = await request(southVlo, "lambeth");
  w.booked = await request(southVlo, "southwark");
  w.north = await request(northVlo, "camden");

  // A published time with markup in its place, offered to one request; the other booked.
  const published = await post(w, "/staff/meetings/slots", {
    cookie: southVlo.cookie,
    pairs: signedPairs(southVlo, [["intent", "publish"], ["date.day", "3"], ["date.month", "2"], ["date.year", "2031"], ["start", "10:00"], ["length", "60"], ["buffer", "15"], ["mode", "IN_PERSON"], ["room", `R${run} ${PAYLOADS.script}`]]),
  });
  expect(published.status, "the time is published").toBe(200);
  w.slotId = (await db.query<{ id: string }>(`SELECT id FROM meeting_slot WHERE vlo_id = $1`, [southVlo.userId])).rows[0]!.id;
  const offered = await post(w, `/staff/meetings/${w.offer}`, { cookie: southVlo.cookie, pairs: signedPairs(southVlo, [["intent", "propose"], ["slotIds", w.slotId]]) });
  expect(offered.status, "the time is offered").toBe(200);
  const booked = await post(w, `/staff/meetings/${w.booked}`, {
    cookie: southVlo.cookie,
    pairs: signedPairs(southVlo, [["intent", "book-time"], ["date.day", "5"], ["date.month", "2"], ["date.year", "2031"], ["start", "11:00"], ["length", "60"], ["room", `R${run} ${PAYLOADS.attribute}`.slice(0, 60)], ["mode", "IN_PERSON"]]),
  });
  expect(booked.status, "the meeting is booked").toBe(200);
  w.meetingId = (await db.query<{ id: string }>(`SELECT m.id FROM meeting m JOIN meeting_request r ON r.id = m.request_id WHERE r.reference = $1`, [w.booked])).rows[0]!.id;

  // A draft of a letter of this worker's own.
  w.letter = DRAFT_LETTERS[workerIndex % DRAFT_LETTERS.length]!;
  const drafted = await post(w, `/staff/letters/${w.letter}`, { cookie: editor.cookie, pairs: signedPairs(editor, []) });
  expect(drafted.status, "the draft is made").toBe(302);
  w.draft = Number(/\/v\/(\d+)$/.exec(drafted.location)![1]);
  return w;
}

const test = base.extend<object, { world: World }>({
  world: [
    async ({ playwright }, use, workerInfo) => {
      const api = await playwright.request.newContext({ baseURL: BASE_URL });
      const db = new pg.Pool({ connectionString: DATABASE_URL, max: 2 });
      let world: World | undefined;
      try {
        world = await buildWorld(api, db, workerInfo.workerIndex);
        await use(world);
      } finally {
        // The draft is retired, so a later worker may draft the same letter.
        if (world?.draft) await post(world, `/staff/letters/${world.letter}/v/${world.draft}`, { cookie: world.editor.cookie, pairs: signedPairs(world.editor, [["intent", "retire"]]) });
        await api.dispose();
        await db.end();
      }
    },
    { scope: "worker", timeout: 90_000 },
  ],
});

// ---------------------------------------------------------------------------
// Every form. Each case's fields are refused as they stand (so no shape of
// them changes anything). A payload replaces each value marked HOSTILE;
// `keep` is a valid value that must come back in the re-rendered form, and
// `echo` a field whose payload must come back, escaped.

type FormCase = {
  name: string;
  path: string;
  who?: Who;
  fields: Pairs;
  /** The answers expected when the hostile fields hold a payload. */
  status: number[];
  /** Where one payload, once cleaned, is a valid value: the answers expected for it instead. */
  statusFor?: Partial<Record<PayloadKind, number[]>>;
  keep?: [string, string];
  echo?: string;
  /** Appended to each payload, to make an otherwise valid value too long. */
  pad?: number;
  /** Each post uses one of the network address's public-form attempts: only a few are sent. */
  limited?: boolean;
  /** Any shape of its fields acts (signing out, declining): only refused requests are sent. */
  acts?: boolean;
};

/** Marks the fields a payload goes into. */
const HOSTILE = "\u0001hostile\u0001";

function formCases(w: World): FormCase[] {
  const letterValues = (overrides: Record<string, string>): Pairs =>
    Object.entries({
      victim_name: HOSTILE, reference: HOSTILE, letter_date: HOSTILE, area_name: HOSTILE, contact_name: `Kept Contact ${w.run}`, contact_phone: HOSTILE,
      case_stopped: "yes", old_charge: HOSTILE, decision_reason: HOSTILE, ...overrides,
    }).map(([name, value]) => [`v.${name}`, value]);
  const requestFields = (): Pairs => [
    ["name", HOSTILE], ["channels", "phone"], ["phone", "01632 960222"], ["email", HOSTILE], ["times", HOSTILE], ["askFor", HOSTILE],
    ["forceId", "metropolitan"], ["boroughId", "lambeth"], ["format", HOSTILE], ["access", HOSTILE], ["interpreter", HOSTILE], ["language", HOSTILE],
  ];
  return [
    // Public.
    { name: "walkthrough: where am I", path: "/walkthrough", fields: [["stage", HOSTILE]], status: [400] },
    {
      name: "walkthrough: deadline", path: "/walkthrough/charging-decision", fields: [["toldOn.day", "3"], ["toldOn.month", HOSTILE], ["toldOn.year", HOSTILE]], status: [400], keep: ["toldOn.day", "3"],
    },
    { name: "evidence: what", path: "/evidence/questions", fields: [["step", "what"], ["what", HOSTILE]], status: [400] },
    { name: "evidence: notice", path: "/cy/evidence/questions", fields: [["step", "notice"], ["what", "phone"], ["notice", HOSTILE]], status: [400], keep: ["what", "phone"] },
    { name: "pre-trial meeting request", path: "/pre-trial-meeting/request", fields: requestFields(), status: [400], keep: ["phone", "01632 960222"], echo: "name" },
    { name: "pre-trial meeting respond", path: "/pre-trial-meeting/respond/not-a-real-link-token-at-all", fields: [["intent", HOSTILE], ["slotId", HOSTILE]], status: [400], limited: true },
    {
      name: "register", path: "/register",
      fields: [["name", HOSTILE], ["email", `kept.${w.run}@unrecognised.example`], ["organisation", HOSTILE], ["password", STRONG_PASSWORD], ["confirm", "a-different-password-entirely-7"]], status: [400], keep: ["email", `kept.${w.run}@unrecognised.example`], echo: "name",
    },
    { name: "sign in", path: "/sign-in", fields: [["email", HOSTILE], ["password", HOSTILE]], status: [400] },
    { name: "forgotten password", path: "/forgot-password", fields: [["email", HOSTILE]], status: [400] },
    { name: "set password", path: "/set-password", fields: [["token", HOSTILE], ["password", STRONG_PASSWORD], ["confirm", STRONG_PASSWORD]], status: [400] },
    { name: "verify e-mail", path: "/verify-email", fields: [["token", HOSTILE]], status: [400] },
    { name: "sign in: code", path: "/sign-in/code", who: w.codeUser, fields: [["code", HOSTILE]], status: [400] },
    { name: "sign in: recovery code", path: "/sign-in/recovery", who: w.recoveryUser, fields: [["code", HOSTILE]], status: [400, 429] },
    { name: "authenticator set-up", path: "/account/two-factor", who: w.setupUser, fields: [["code", HOSTILE]], status: [400] },
    { name: "sign out", path: "/sign-out", who: w.leaver, fields: [["everywhere", "yes"]], status: [], acts: true },

    // ISVAs.
    {
      name: "ISVA: new query", path: "/isva/queries/new", who: w.isva,
      fields: [["urn", HOSTILE], ["forceId", "metropolitan"], ["boroughId", "lambeth"], ["offenceAreaId", HOSTILE], ["category", "TRIAL_DATE"], ["question", HOSTILE], ["consent", "yes"], ["intent", "check"]], status: [400], keep: ["category", "TRIAL_DATE"], echo: "question",
    },
    { name: "ISVA: reply", path: `/isva/queries/${w.query}`, who: w.isva, fields: [["body", HOSTILE]], pad: 5001, status: [400], echo: "body" },
    { name: "ISVA: meeting request", path: "/isva/meetings/new", who: w.isva, fields: requestFields(), status: [400], keep: ["phone", "01632 960222"], echo: "name" },

    // Area staff and VLOs.
    { name: "staff: inbox search", path: "/staff/queries", who: w.southStaff, fields: [["q", HOSTILE]], pad: 101, status: [400], echo: "q" },
    { name: "staff: reply", path: `/staff/queries/${w.query}`, who: w.southStaff, fields: [["intent", "reply"], ["body", HOSTILE]], pad: 5001, status: [400], echo: "body" },
    { name: "staff: assign", path: `/staff/queries/${w.query}`, who: w.southStaff, fields: [["intent", "assign"], ["assigneeId", HOSTILE]], status: [404] },
    { name: "staff: status", path: `/staff/queries/${w.query}`, who: w.southStaff, fields: [["intent", "status"], ["status", HOSTILE]], status: [400] },
    { name: "staff: unknown intent", path: `/staff/queries/${w.query}`, who: w.southStaff, fields: [["intent", HOSTILE]], status: [400] },
    { name: "VLO: phone request", path: "/staff/meetings/new", who: w.southVlo, fields: requestFields(), status: [400], keep: ["phone", "01632 960222"], echo: "name" },
    {
      name: "VLO: book a typed time", path: `/staff/meetings/${w.offer}`, who: w.southVlo,
      fields: [["intent", "book-time"], ["date.day", HOSTILE], ["date.month", "3"], ["date.year", "2031"], ["start", "10:00"], ["length", "60"], ["room", HOSTILE], ["mode", HOSTILE]], status: [400], keep: ["start", "10:00"],
    },
    { name: "VLO: book a published time", path: `/staff/meetings/${w.offer}`, who: w.southVlo, fields: [["intent", "book-slot"], ["slotId", HOSTILE]], status: [400] },
    { name: "VLO: offer times", path: `/staff/meetings/${w.offer}`, who: w.southVlo, fields: [["intent", "propose"], ["slotIds", HOSTILE]], status: [400] },
    {
      name: "VLO: move", path: `/staff/meetings/${w.booked}`, who: w.southVlo,
      fields: [["intent", "move"], ["meetingId", w.meetingId], ["date.day", "4"], ["date.month", "3"], ["date.year", "2031"], ["start", HOSTILE], ["length", "60"], ["room", HOSTILE], ["reason", HOSTILE]], status: [400], keep: ["date.day", "4"], echo: "reason",
    },
    { name: "VLO: cancel", path: `/staff/meetings/${w.booked}`, who: w.southVlo, fields: [["intent", "cancel"], ["meetingId", HOSTILE], ["reason", HOSTILE]], status: [404] },
    {
      name: "VLO: outcome", path: `/staff/meetings/${w.booked}`, who: w.southVlo,
      fields: [["intent", "outcome"], ["held", HOSTILE], ["specialMeasures", HOSTILE], ["followUps", `Kept follow-up ${w.run}`]], status: [400], keep: ["followUps", `Kept follow-up ${w.run}`], echo: "specialMeasures",
    },
    { name: "VLO: declined", path: `/staff/meetings/${w.offer}`, who: w.southVlo, fields: [["intent", "declined"]], status: [], acts: true },
    { name: "VLO: unknown intent", path: `/staff/meetings/${w.offer}`, who: w.southVlo, fields: [["intent", HOSTILE]], status: [400] },
    {
      name: "VLO: publish a time", path: "/staff/meetings/slots", who: w.southVlo,
      fields: [["intent", "publish"], ["date.day", HOSTILE], ["date.month", "3"], ["date.year", "2031"], ["start", "10:00"], ["length", "60"], ["buffer", HOSTILE], ["mode", HOSTILE], ["room", HOSTILE]], status: [400], keep: ["start", "10:00"],
    },
    { name: "VLO: withdraw a time", path: "/staff/meetings/slots", who: w.southVlo, fields: [["intent", "withdraw"], ["slotId", HOSTILE]], status: [409] },

    // Letters.
    { name: "letters: new draft", path: `/staff/letters/${w.letter}`, who: w.editor, fields: [], status: [], acts: true },
    {
      name: "letters: save a draft", path: `/staff/letters/${w.letter}/v/${w.draft}`, who: w.editor,
      fields: [["intent", "save"], ["bodyEn", HOSTILE], ["bodyCy", HOSTILE]], pad: 20_001, status: [400],
    },
    { name: "letters: approve", path: `/staff/letters/${w.letter}/v/${w.draft}`, who: w.editor, fields: [["intent", "approve"], ["overrideReason", HOSTILE]], status: [400] },
    { name: "letters: unknown intent", path: `/staff/letters/${w.letter}/v/${w.draft}`, who: w.editor, fields: [["intent", HOSTILE]], status: [400] },
    {
      name: "letters: preview for a case", path: `/staff/letters/${RENDER_LETTER}/render`, who: w.southStaff,
      fields: [["language", HOSTILE], ["intent", "preview"], ...letterValues({})],
      status: [400], keep: ["v.contact_name", `Kept Contact ${w.run}`], echo: "v.victim_name",
    },
    {
      name: "letters: send for a case", path: `/staff/letters/${RENDER_LETTER}/render`, who: w.southStaff,
      fields: [["intent", "send"], ["sendTo", HOSTILE], ["safe", "yes"], ...letterValues({ victim_name: "Sam", reference: "01/AB/12345/27", letter_date: "2030-01-07", area_name: "CPS London South", contact_phone: "01632 960333", old_charge: "rape", decision_reason: "Reasons." })], status: [400], keep: ["v.contact_name", `Kept Contact ${w.run}`],
    },
    { name: "letters: PDF for a case", path: `/staff/letters/${RENDER_LETTER}/render.pdf`, who: w.southStaff, fields: [["language", HOSTILE], ...letterValues({})], status: [303] },

    // Administrators.
    { name: "admin: approve", path: "/staff/admin", who: w.admin, fields: [["userId", HOSTILE]], status: [400] },
    { name: "admin: invite", path: "/staff/admin/invite", who: w.admin, fields: [["name", HOSTILE], ["email", HOSTILE], ["roles", HOSTILE], ["areaId", HOSTILE]], status: [400], echo: "name" },
    { name: "admin: roles", path: `/staff/admin/users/${w.target.userId}`, who: w.admin, fields: [["intent", "roles"], ["roles", HOSTILE], ["areaId", HOSTILE]], status: [400] },
    { name: "admin: user intent", path: `/staff/admin/users/${w.target.userId}`, who: w.admin, fields: [["intent", HOSTILE]], status: [400] },
    {
      name: "admin: add a service", path: "/staff/admin/domains", who: w.admin, fields: [["intent", "add"], ["domain", HOSTILE], ["organisation", `Kept Service ${w.run}`]], status: [400],
      // Without its override control, "\u202Etxt.exe" is the well-formed domain "txt.exe".
      statusFor: { rtl: [302] }, keep: ["organisation", `Kept Service ${w.run}`],
    },
    { name: "admin: remove a service", path: "/staff/admin/domains", who: w.admin, fields: [["intent", "remove"], ["domain", HOSTILE]], status: [302] },
    {
      name: "admin: support service", path: "/staff/admin/support/new", who: w.admin,
      fields: [["nameEn", HOSTILE], ["nameCy", HOSTILE], ["forEn", HOSTILE], ["forCy", HOSTILE], ["contactEn", `Kept Contact ${w.run}`], ["contactCy", HOSTILE], ["url", HOSTILE], ["groups", HOSTILE]],
      status: [400], keep: ["contactEn", `Kept Contact ${w.run}`], echo: "nameEn",
    },
    {
      name: "admin: Area mailbox", path: "/staff/admin/areas/wessex", who: w.admin, fields: [["rassoMailbox", HOSTILE], ["responseDays", "7"], ["fullContentEmail", "yes"], ["letterAddressEn", "1 Test Street\nTestville"]], status: [400], echo: "rassoMailbox",
    },
  ];
}

/** A case's fields with a value in every hostile field; with the form token when signed in. */
function pairsOf(form: FormCase, value: (field: string) => string): Pairs {
  const pairs = form.fields.map(([name, original]): [string, string] => [name, original === HOSTILE ? value(name) : original]);
  return form.who ? signedPairs(form.who, pairs) : pairs;
}

const withPayload = (form: FormCase, payload: string) => pairsOf(form, () => payload + "x".repeat(form.pad ?? 0));

const hasPayloadField = (form: FormCase) => form.fields.some(([, value]) => value === HOSTILE);

test("every form answers each payload as it should (a 4xx where refused, never a 5xx), keeps the valid values typed beside it and echoes nothing unescaped", async ({ world: w }) => {
  test.setTimeout(120_000);
  const jobs = formCases(w)
    .filter(hasPayloadField)
    .flatMap((form) => (form.limited ? (["script", "crlf"] as PayloadKind[]) : KINDS).map((kind) => ({ form, kind })));
  await inPool(jobs, 4, async ({ form, kind }) => {
    const what = `${form.name}, ${kind}`;
    const payload = PAYLOADS[kind] + "x".repeat(form.pad ?? 0);
    const answer = await post(w, form.path, { cookie: form.who?.cookie, pairs: withPayload(form, PAYLOADS[kind]) });
    expectStatus(answer, form.statusFor?.[kind] ?? form.status, what);
    if (answer.status !== 400) return;
    if (form.keep) expect.soft(typedValues(answer.text, form.keep[0]), `${what}: ${form.keep[0]} kept`).toContain(form.keep[1]);
    if (form.echo && (kind === "script" || kind === "attribute")) {
      expect.soft(typedValues(answer.text, form.echo), `${what}: ${form.echo} comes back as typed`).toContain(payload);
      expect.soft(answer.text, `${what}: ${form.echo} comes back escaped`).toContain(ESCAPED[kind]);
    }
  });
});

test("repeated, missing and unexpected fields never cause a 5xx, and bodies that are not URL-encoded forms are refused (415)", async ({ world: w }) => {
  test.setTimeout(120_000);
  type Shape = { name: string; send: (form: FormCase) => Send };
  const script = (form: FormCase) => withPayload(form, PAYLOADS.script);
  const fieldShapes: Shape[] = [
    { name: "each field twice, a payload second", send: (form) => ({ pairs: script(form).flatMap(([k, v]): Pairs => (k === "csrf" ? [[k, v]] : [[k, v], [k, PAYLOADS.attribute]])) }) },
    { name: "each field twice, a payload first", send: (form) => ({ pairs: script(form).flatMap(([k, v]): Pairs => (k === "csrf" ? [[k, v]] : [[k, PAYLOADS.attribute], [k, v]])) }) },
    { name: "fields missing", send: (form) => ({ pairs: form.who ? signedPairs(form.who, []) : [] }) },
    {
      name: "unexpected names",
      send: (form) => ({ pairs: [...script(form), ["__proto__[polluted]", "1"], ["constructor.prototype.polluted", "1"], ["toString", PAYLOADS.script], [PAYLOADS.script, PAYLOADS.attribute]] }),
    },
  ];
  const bodyShapes: Shape[] = [
    { name: "JSON", send: (form) => ({ body: JSON.stringify(Object.fromEntries(script(form))), contentType: "application/json" }) },
    { name: "plain text", send: (form) => ({ body: new URLSearchParams(script(form)).toString(), contentType: "text/plain" }) },
    { name: "multipart", send: (form) => ({ multipart: Object.fromEntries(script(form).filter(([k]) => k !== "csrf")) }) },
    { name: "broken multipart", send: () => ({ body: "--x\r\nContent-Disposition: form-data; name=\"a\r\n\r\n", contentType: "multipart/form-data; boundary=x" }) },
    { name: "multipart without a boundary", send: () => ({ body: "a=b", contentType: "multipart/form-data" }) },
    { name: "no body and no type", send: () => ({ contentType: null }) },
  ];
  const jobs = formCases(w).flatMap((form) => [
    ...(form.acts || form.limited ? [] : fieldShapes.map((shape) => ({ form, shape, expected: undefined as number[] | undefined }))),
    ...bodyShapes.map((shape) => ({ form, shape, expected: [415] })),
  ]);
  await inPool(jobs, 4, async ({ form, shape, expected }) => {
    const what = `${form.name}, ${shape.name}`;
    const answer = await post(w, form.path, { cookie: form.who?.cookie, ...shape.send(form) });
    if (expected) expectStatus(answer, expected, what);
    else expectSafe(answer, what);
  });
});

test("every signed-in form refuses a missing, wrong or another session's form token (403)", async ({ world: w }) => {
  test.setTimeout(90_000);
  const tokens: { name: string; csrf: (who: Who) => string[] }[] = [
    { name: "no token", csrf: () => [] },
    { name: "a wrong token", csrf: (who) => [`${who.csrf.slice(0, -2)}xx`] },
    { name: "another session's token", csrf: () => [w.otherIsva.csrf] },
    { name: "a wrong token before the right one", csrf: (who) => ["wrong", who.csrf] },
    { name: "a token full of markup", csrf: () => [PAYLOADS.script] },
  ];
  const jobs = formCases(w)
    .filter((form) => form.who)
    .flatMap((form) => tokens.map((token) => ({ form, token })));
  await inPool(jobs, 4, async ({ form, token }) => {
    const who = form.who!;
    const fields = withPayload(form, PAYLOADS.script).filter(([k]) => k !== "csrf");
    const answer = await post(w, form.path, { cookie: who.cookie, pairs: [...token.csrf(who).map((csrf): [string, string] => ["csrf", csrf]), ...fields] });
    expectStatus(answer, [403], `${form.name}, ${token.name}`);
    // A refusal is said in words, in the page's language, not translation keys: a PDF's too.
    expect(String(answer.headers["content-type"] ?? ""), `${form.name}, ${token.name}`).toMatch(/^text\/html/);
    expect.soft(answer.text, `${form.name}, ${token.name}: the page's text`).not.toMatch(/errors\.(forbidden|serverErrorTitle|notFoundTitle)/);
    expect.soft(answer.text, `${form.name}, ${token.name}: the page's text`).toMatch(form.path.startsWith("/cy/") ? /Does dim modd gwneud hynny/ : /You cannot do that from this page/);
  });
});

test("every form refuses a post another site made (403)", async ({ world: w }) => {
  test.setTimeout(90_000);
  const sites: { name: string; headers: Record<string, string> }[] = [
    { name: "Sec-Fetch-Site: cross-site", headers: { "Sec-Fetch-Site": "cross-site" } },
    { name: "Sec-Fetch-Site: same-site", headers: { "Sec-Fetch-Site": "same-site" } },
    { name: "Origin of another site", headers: { Origin: "https://evil.example" } },
    { name: "Origin on another port", headers: { Origin: `http://localhost:${PORT + 1}` } },
    { name: "a malformed Origin", headers: { Origin: PAYLOADS.script } },
  ];
  const jobs = formCases(w).flatMap((form) => sites.map((site) => ({ form, site })));
  await inPool(jobs, 4, async ({ form, site }) => {
    const answer = await post(w, form.path, { cookie: form.who?.cookie, pairs: withPayload(form, PAYLOADS.script), headers: site.headers, crossSite: true });
    expectStatus(answer, [403], `${form.name}, ${site.name}`);
  });
});

test("a 1 MB value is refused before it is read (413), on every form", async ({ world: w }) => {
  test.setTimeout(90_000);
  await inPool(formCases(w), 3, async (form) => {
    let placed = false;
    const pairs = pairsOf(form, () => (placed ? PAYLOADS.script : ((placed = true), MEGABYTE)));
    const started = Date.now();
    const answer = await post(w, form.path, { cookie: form.who?.cookie, pairs: placed ? pairs : [...pairs, ["filler", MEGABYTE]] });
    expectStatus(answer, [413], `${form.name}, 1 MB`);
    expect.soft(Date.now() - started, `${form.name}: refused quickly`).toBeLessThan(5_000);
  });
  // Sent in chunks with no length given, whose end may never come: refused on
  // the first chunk, with the connection closed (so the rest is never sent).
  const chunked = await new Promise<number>((resolve, reject) => {
    const request = http.request(`${BASE_URL}/walkthrough`, { method: "POST", headers: { "Content-Type": FORM, "Sec-Fetch-Site": "same-origin" } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
      request.destroy();
    });
    request.on("error", reject);
    request.write(`stage=${MEGABYTE.slice(0, 1024)}`);
  });
  expect.soft([411, 413], `a chunked body: status ${chunked}`).toContain(chunked);
  // The refusal is a page a person can read, in the language of the address.
  const welsh = await post(w, "/cy/walkthrough", { pairs: [["stage", MEGABYTE]] });
  expect(welsh.status).toBe(413);
  expect(welsh.headers["content-type"]).toMatch(/^text\/html/);
  expect(welsh.text).toContain('<html lang="cy">');
  expect(welsh.text).toContain("Doedd dim modd i ni dderbyn hynny");
});

test("a form sent in another shape, or a method a page does not take, gets the portal's translated page", async ({ world: w }) => {
  const json = await post(w, "/cy/walkthrough", { body: "{}", contentType: "application/json" });
  expect(json.status).toBe(415);
  expect(json.text).toContain("Doedd dim modd i ni dderbyn hynny");
  expect(json.text).toContain("ffurflenni gwe arferol");
  const noAction = await post(w, "/glossary", { pairs: [["a", "b"]] });
  expect(noAction.status).toBe(405);
  expect(noAction.text).toContain("This page cannot take that kind of request.");
  // Signing out changes something, so it is never done by a GET.
  expect((await get(w, "/sign-out", w.southStaff)).status).toBe(404);
  expect((await get(w, "/staff", w.southStaff)).status).toBe(200);
  // Every other method gets a refusal page too, and TRACE echoes nothing back.
  for (const method of ["TRACE", "PUT", "PATCH", "DELETE", "OPTIONS"]) {
    const answer = await w.api.fetch("/cy/walkthrough", { method, headers: { "X-Echo-Me": "echo-marker" }, maxRedirects: 0 });
    expect.soft(answer.status(), method).toBe(method === "TRACE" || method === "OPTIONS" ? 405 : 415);
    const text = await answer.text();
    expect.soft(text, method).toContain('<html lang="cy"');
    expect.soft(text, method).not.toContain("echo-marker");
  }
});

test("a value longer than its field allows is explained in the page's language, and comes back whole", async ({ world: w }) => {
  const long = Array(6000).fill("Step-free access, please.").join(" "); // about 150 kB
  const said = { en: ["Must be 1000 characters or fewer", "You can write up to 1,000 characters."], cy: ["Rhaid iddo fod yn 1000 nod neu lai", "Gallwch ysgrifennu hyd at 1,000 nod."] };
  for (const lang of ["en", "cy"] as const) {
    const answer = await post(w, lang === "cy" ? "/cy/pre-trial-meeting/request" : "/pre-trial-meeting/request", {
      pairs: [["name", "Sam"], ["channels", "phone"], ["phone", "01632 960333"], ["forceId", "dorset"], ["format", "VIDEO"], ["access", long]],
    });
    expect(answer.status, lang).toBe(400);
    for (const text of said[lang]) expect(answer.text, lang).toContain(text);
    expect(answer.text, lang).toContain('href="#field-access"');
    expect(typedValues(answer.text, "access"), lang).toEqual([long]);
    expect(typedValues(answer.text, "name"), lang).toEqual(["Sam"]);
  }
});

test("hostile values in addresses and query strings are answered with a 4xx or a page that echoes nothing unescaped", async ({ world: w }) => {
  test.setTimeout(90_000);
  const pages: { url: (value: string) => string; who?: Who; status: number[] }[] = [
    { url: (v) => `/walkthrough/${v}`, status: [404] },
    { url: (v) => `/evidence/${v}`, status: [404] },
    { url: (v) => `/${v}/walkthrough`, status: [404] },
    { url: (v) => `/pre-trial-meeting/respond/${v}`, status: [404] },
    { url: (v) => `/set-password?token=${v}`, status: [200] },
    { url: (v) => `/verify-email?token=${v}`, status: [200] },
    { url: (v) => `/isva/queries/${v}`, who: w.isva, status: [404] },
    { url: (v) => `/isva/queries/${w.query}?sent=${v}`, who: w.isva, status: [200] },
    { url: (v) => `/isva/meetings?sent=${v}`, who: w.isva, status: [200] },
    { url: (v) => `/staff/queries?status=${v}&category=${v}&overdue=${v}`, who: w.southStaff, status: [200] },
    { url: (v) => `/staff/queries/${v}`, who: w.southStaff, status: [404] },
    { url: (v) => `/staff/meetings/${v}`, who: w.southVlo, status: [404] },
    { url: (v) => `/staff/insight?area=${v}`, who: w.admin, status: [200] },
    { url: (v) => `/staff/admin/audit?action=${v}`, who: w.admin, status: [200] },
    { url: (v) => `/staff/admin/users/${v}`, who: w.admin, status: [404] },
    { url: (v) => `/staff/letters/${v}`, who: w.editor, status: [404] },
    { url: (v) => `/staff/letters/${w.letter}/diff?a=${v}&b=${v}`, who: w.editor, status: [404] },
    { url: (v) => `/staff/letters/${w.letter}/v/${v}`, who: w.editor, status: [404] },
  ];
  const values = [...KINDS.map((kind) => PAYLOADS[kind]), "0".repeat(5000)];
  const jobs = pages.flatMap((page) => values.map((value) => ({ page, value })));
  await inPool(jobs, 4, async ({ page, value }) => {
    const url = page.url(encodeURIComponent(value));
    const answer = await call(w.api, "GET", url, { cookie: page.who?.cookie });
    expectStatus(answer, page.status, `GET ${url.slice(0, 80)}`);
  });
});

test("records of another Area, or of another ISVA, are not found (404) for reading or for any change, whatever id is forged", async ({ world: w }) => {
  test.setTimeout(90_000);
  const meetingChanges: Pairs[] = [
    [["intent", "book-time"], ["date.day", "1"], ["date.month", "4"], ["date.year", "2031"], ["start", "09:00"], ["length", "60"], ["mode", "VIDEO"]],
    [["intent", "book-slot"], ["slotId", w.slotId]],
    [["intent", "propose"], ["slotIds", w.slotId]],
    [["intent", "move"], ["meetingId", w.meetingId], ["date.day", "2"], ["date.month", "4"], ["date.year", "2031"], ["start", "09:00"], ["length", "60"], ["reason", "Moved"]],
    [["intent", "cancel"], ["meetingId", w.meetingId], ["reason", "Cancelled"]],
    [["intent", "outcome"], ["held", "yes"], ["followUps", "None"]],
    [["intent", "declined"]],
  ];
  const queryChanges: Pairs[] = [
    [["intent", "reply"], ["body", "A reply from the wrong Area"]],
    [["intent", "assign"], ["assigneeId", w.northStaff.userId]],
    [["intent", "assign"], ["assigneeId", ""]],
    [["intent", "status"], ["status", "CLOSED"]],
  ];
  const checks: { what: string; run: () => Promise<Answer>; status: number[] }[] = [];
  for (const who of [w.northStaff, w.northVlo]) {
    checks.push({ what: `London North ${who === w.northVlo ? "VLO" : "staff"} reads the London South query`, run: () => get(w, `/staff/queries/${w.query}`, who), status: [404] });
    for (const change of queryChanges) {
      checks.push({ what: `London North changes the London South query: ${change[0]![1]}`, run: () => post(w, `/staff/queries/${w.query}`, { cookie: who.cookie, pairs: signedPairs(who, change) }), status: [404] });
    }
    for (const reference of [w.offer, w.booked]) {
      checks.push({ what: `London North reads London South meeting request ${reference}`, run: () => get(w, `/staff/meetings/${reference}`, who), status: [404] });
    }
  }
  for (const reference of [w.offer, w.booked]) {
    for (const change of meetingChanges) {
      checks.push({ what: `the London North VLO acts on ${reference}: ${change[0]![1]}`, run: () => post(w, `/staff/meetings/${reference}`, { cookie: w.northVlo.cookie, pairs: signedPairs(w.northVlo, change) }), status: [404] });
    }
  }
  checks.push(
    { what: "another ISVA reads the query", run: () => get(w, `/isva/queries/${w.query}`, w.otherIsva), status: [404] },
    { what: "another ISVA replies to the query", run: () => post(w, `/isva/queries/${w.query}`, { cookie: w.otherIsva.cookie, pairs: signedPairs(w.otherIsva, [["body", "Not mine"]]) }), status: [404] },
    // Ids of another Area's records inside a form of one's own.
    { what: "London South assigns its query to London North staff", run: () => post(w, `/staff/queries/${w.query}`, { cookie: w.southStaff.cookie, pairs: signedPairs(w.southStaff, [["intent", "assign"], ["assigneeId", w.northStaff.userId]]) }), status: [404] },
    { what: "the London North VLO books London South's time for its own request", run: () => post(w, `/staff/meetings/${w.north}`, { cookie: w.northVlo.cookie, pairs: signedPairs(w.northVlo, [["intent", "book-slot"], ["slotId", w.slotId]]) }), status: [404, 409] },
    { what: "the London North VLO offers London South's time", run: () => post(w, `/staff/meetings/${w.north}`, { cookie: w.northVlo.cookie, pairs: signedPairs(w.northVlo, [["intent", "propose"], ["slotIds", w.slotId]]) }), status: [404, 409] },
    { what: "the London North VLO moves London South's meeting from its own request", run: () => post(w, `/staff/meetings/${w.north}`, { cookie: w.northVlo.cookie, pairs: signedPairs(w.northVlo, [["intent", "move"], ["meetingId", w.meetingId], ["date.day", "3"], ["date.month", "4"], ["date.year", "2031"], ["start", "09:00"], ["length", "60"], ["reason", "Moved"]]) }), status: [404] },
    { what: "the London North VLO cancels London South's meeting from its own request", run: () => post(w, `/staff/meetings/${w.north}`, { cookie: w.northVlo.cookie, pairs: signedPairs(w.northVlo, [["intent", "cancel"], ["meetingId", w.meetingId], ["reason", "Cancelled"]]) }), status: [404] },
    { what: "the London North VLO withdraws London South's time", run: () => post(w, "/staff/meetings/slots", { cookie: w.northVlo.cookie, pairs: signedPairs(w.northVlo, [["intent", "withdraw"], ["slotId", w.slotId]]) }), status: [404, 409] },
  );
  await inPool(checks, 4, async (check) => expectStatus(await check.run(), check.status, check.what));

  // Nothing changed, and nothing of London South's is listed in London North.
  const { rows } = await w.db.query<{ reference: string; status: string }>(`SELECT reference, status FROM meeting_request WHERE reference = ANY($1)`, [[w.offer, w.booked]]);
  expect(Object.fromEntries(rows.map((row) => [row.reference, row.status]))).toEqual({ [w.offer]: "OFFERED", [w.booked]: "BOOKED" });
  const slot = await w.db.query<{ status: string }>(`SELECT status FROM meeting_slot WHERE id = $1`, [w.slotId]);
  expect(slot.rows[0]?.status).toBe("PROPOSED");
  const query = await w.db.query<{ status: string; assignee_id: string | null }>(`SELECT status, assignee_id FROM isva_query WHERE reference = $1`, [w.query]);
  expect(query.rows[0]?.assignee_id ?? null).toBeNull();
  expect((await get(w, "/staff/queries", w.northStaff)).text).not.toContain(w.query);
  const northMeetings = (await get(w, "/staff/meetings", w.northVlo)).text;
  expect(northMeetings).not.toContain(w.offer);
  expect(northMeetings).not.toContain(w.booked);
});

test("hostile values that are stored come back escaped wherever they are shown", async ({ world: w }) => {
  test.setTimeout(90_000);
  const stored: { what: string; run: () => Promise<Answer>; status: number[] }[] = [
    { what: "a staff reply", run: () => post(w, `/staff/queries/${w.query}`, { cookie: w.southStaff.cookie, pairs: signedPairs(w.southStaff, [["intent", "reply"], ["body", `Staff ${PAYLOADS.script} ${PAYLOADS.attribute} ${PAYLOADS.rtl}`]]) }), status: [302] },
    { what: "an ISVA reply", run: () => post(w, `/isva/queries/${w.query}`, { cookie: w.isva.cookie, pairs: signedPairs(w.isva, [["body", `ISVA ${PAYLOADS.attribute} ${PAYLOADS.script}`]]) }), status: [302] },
    { what: "an outcome", run: () => post(w, `/staff/meetings/${w.booked}`, { cookie: w.southVlo.cookie, pairs: signedPairs(w.southVlo, [["intent", "outcome"], ["held", "no"], ["specialMeasures", PAYLOADS.script], ["followUps", PAYLOADS.attribute]]) }), status: [200] },
    { what: "a letter draft", run: () => post(w, `/staff/letters/${w.letter}/v/${w.draft}`, { cookie: w.editor.cookie, pairs: signedPairs(w.editor, [["intent", "save"], ["bodyEn", `# ${PAYLOADS.script}\n\n${PAYLOADS.attribute} ((victim_name))`], ["bodyCy", `# ${PAYLOADS.attribute}\n\n${PAYLOADS.script}`]]) }), status: [302] },
    { what: "a recognised service", run: () => post(w, "/staff/admin/domains", { cookie: w.admin.cookie, pairs: signedPairs(w.admin, [["intent", "add"], ["domain", `hostile-${w.run}.example`], ["organisation", `Service ${PAYLOADS.script} ${PAYLOADS.attribute}`]]) }), status: [302] },
    { what: "an invitation", run: () => post(w, "/staff/admin/invite", { cookie: w.admin.cookie, pairs: signedPairs(w.admin, [["name", `Invitee ${PAYLOADS.script} ${PAYLOADS.attribute}`], ["email", `invitee.${w.run}@cps.example`], ["roles", "ISVA"]]) }), status: [200] },
  ];
  for (const item of stored) expectStatus(await item.run(), item.status, `storing ${item.what}`);
  const invitee = await w.db.query<{ id: string }>(`SELECT id FROM app_user WHERE email = $1`, [`invitee.${w.run}@cps.example`]);

  // A letter made for a case, from values full of markup: the preview is HTML the page inserts as it is.
  const preview = await post(w, `/staff/letters/${RENDER_LETTER}/render`, {
    cookie: w.southStaff.cookie,
    pairs: signedPairs(w.southStaff, [
      ["language", "en"], ["intent", "preview"],
      ...Object.entries({
        victim_name: PAYLOADS.script, reference: PAYLOADS.attribute, letter_date: "2030-01-07", area_name: PAYLOADS.script, contact_name: PAYLOADS.attribute,
        contact_phone: PAYLOADS.script, case_stopped: "yes", old_charge: PAYLOADS.script, decision_reason: `[link](javascript:alert(1)) **${PAYLOADS.script}**`,
      }).map(([name, value]): [string, string] => [`v.${name}`, value]),
    ]),
  });
  expectStatus(preview, [200], "a letter preview");
  expect.soft(preview.text, "the preview shows the values, escaped").toContain(ESCAPED.script);
  expect.soft(preview.text, "no link from a value").not.toContain('href="javascript:');

  const pages: { url: string; who?: Who; shows: (keyof typeof ESCAPED)[] }[] = [
    { url: `/isva/queries/${w.query}`, who: w.isva, shows: ["script", "attribute"] },
    { url: `/staff/queries/${w.query}`, who: w.southStaff, shows: ["script", "attribute"] },
    { url: "/staff/queries", who: w.southStaff, shows: [] },
    { url: "/isva", who: w.isva, shows: ["script"] },
    { url: `/staff/meetings/${w.offer}`, who: w.southVlo, shows: ["script", "attribute"] },
    { url: `/staff/meetings/${w.booked}`, who: w.southVlo, shows: ["script", "attribute"] },
    { url: `/staff/meetings/${w.booked}`, who: w.southStaff, shows: ["script", "attribute"] },
    { url: "/staff/meetings", who: w.southVlo, shows: [] },
    { url: "/staff/meetings/slots", who: w.southVlo, shows: ["script"] },
    { url: "/isva/meetings", who: w.isva, shows: [] },
    { url: `/staff/letters/${w.letter}/v/${w.draft}`, who: w.editor, shows: ["script", "attribute"] },
    { url: `/staff/letters/${w.letter}/diff?a=1&b=${w.draft}`, who: w.editor, shows: ["script", "attribute"] },
    { url: "/staff/letters", who: w.editor, shows: [] },
    { url: "/staff/admin", who: w.admin, shows: [] },
    { url: "/staff/admin/domains", who: w.admin, shows: ["script", "attribute"] },
    { url: `/staff/admin/users/${invitee.rows[0]?.id}`, who: w.admin, shows: ["script", "attribute"] },
    { url: `/staff/admin/users/${w.isva.userId}`, who: w.admin, shows: ["script", "attribute"] },
    { url: "/staff/admin/audit", who: w.admin, shows: [] },
    { url: "/staff/insight", who: w.southStaff, shows: [] },
    { url: "/account", who: w.isva, shows: ["script"] },
  ];
  await inPool(pages, 4, async (page) => {
    const answer = await get(w, page.url, page.who);
    expectStatus(answer, [200], `GET ${page.url}`);
    for (const kind of page.shows) expect.soft(answer.text, `${page.url} shows the ${kind} escaped`).toContain(ESCAPED[kind]);
  });
  await post(w, "/staff/admin/domains", { cookie: w.admin.cookie, pairs: signedPairs(w.admin, [["intent", "remove"], ["domain", `hostile-${w.run}.example`]]) });
});

test("line breaks in values never add a header to an e-mail or a line to a calendar invite", async ({ world: w }) => {
  test.setTimeout(90_000);
  const invitee = `crlf.${w.run}@cps.example`;
  const letter = (values: Record<string, string>, sendTo: string) =>
    post(w, `/staff/letters/${RENDER_LETTER}/render`, {
      cookie: w.southStaff.cookie,
      pairs: signedPairs(w.southStaff, [
        ["language", "en"], ["intent", "send"], ["sendTo", sendTo], ["safe", "yes"],
        ...Object.entries({
          victim_name: "Sam", reference: "01/AB/12345/27", letter_date: "2030-01-07", area_name: "CPS London South", contact_name: "Kim", contact_phone: "01632 960444",
          case_stopped: "yes", old_charge: "rape", decision_reason: "Reasons.", ...values,
        }).map(([name, value]): [string, string] => [`v.${name}`, value]),
      ]),
    });
  // The Area's name is part of the letter's subject.
  expectStatus(await letter({ area_name: PAYLOADS.crlf, victim_name: PAYLOADS.crlf }, `letter.${w.run}@home.example`), [200, 400], "a letter with line breaks in its subject");
  expectStatus(await letter({ area_name: "=?utf-8?q?Bcc=3A_x=40evil.example?=" }, `letter.${w.run}@home.example`), [200, 400], "a letter with an encoded word in its subject");
  expectStatus(await letter({}, `letter.${w.run}@home.example\r\nBcc: x@evil.example`), [400], "a letter to an address with a header after it");
  expectStatus(await letter({}, `letter.${w.run}@home.example,x@evil.example`), [400], "a letter to two addresses");
  expectStatus(
    await post(w, "/staff/admin/invite", { cookie: w.admin.cookie, pairs: signedPairs(w.admin, [["name", `Invitee\r\nBcc: x@evil.example\r\nSubject: forged`], ["email", invitee], ["roles", "ISVA"]]) }),
    [200],
    "an invitation with line breaks in the name",
  );
  expectStatus(
    await post(w, "/staff/admin/invite", { cookie: w.admin.cookie, pairs: signedPairs(w.admin, [["name", "Invitee"], ["email", `a.${w.run}@cps.example\r\nBcc: x@evil.example`], ["roles", "ISVA"]]) }),
    [400],
    "an invitation to an address with a header after it",
  );
  for (const room of [`R\r\nATTENDEE:mailto:x@evil.example`, `R\nLOCATION:x`, "R\u2028LOCATION:x"]) {
    const moved = await post(w, `/staff/meetings/${w.booked}`, {
      cookie: w.southVlo.cookie,
      pairs: signedPairs(w.southVlo, [["intent", "move"], ["meetingId", w.meetingId], ["date.day", "5"], ["date.month", "2"], ["date.year", "2031"], ["start", "11:00"], ["length", "60"], ["room", room], ["reason", "Room"]]),
    });
    expectStatus(moved, [400], `a meeting moved to a room with ${JSON.stringify(room)}`);
    const slot = await post(w, "/staff/meetings/slots", { cookie: w.southVlo.cookie, pairs: signedPairs(w.southVlo, [["intent", "publish"], ["date.day", "14"], ["date.month", "2"], ["date.year", "2031"], ["start", "09:00"], ["length", "30"], ["buffer", "0"], ["mode", "IN_PERSON"], ["room", room]]) });
    expectStatus(slot, [400], `a time published in a room with ${JSON.stringify(room)}`);
  }
  expectStatus(
    await post(w, "/staff/admin/areas/wessex", { cookie: w.admin.cookie, pairs: signedPairs(w.admin, [["rassoMailbox", "rasso.wessex@cps.example\r\nBcc: x@evil.example"], ["responseDays", "7"]]) }),
    [400],
    "an Area mailbox with a header after it",
  );

  // Every message of this world delivered (the meeting e-mails of the world's set-up among them).
  await expect
    .poll(
      async () => {
        const due = await w.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM outbox_message
            WHERE (to_address LIKE $1 OR to_address = $2)
              AND (status = 'DEAD' OR (status = 'PENDING' AND next_attempt_at < (now() AT TIME ZONE 'UTC') + interval '1 minute'))`,
          [`%${w.run}%`, w.victimEmail],
        );
        return due.rows[0]!.n;
      },
      { timeout: 20_000, message: "every message due is delivered" },
    )
    .toBe(0);
  const rows = await w.db.query<{ to_address: string; subject: string }>(`SELECT to_address, subject FROM outbox_message`);
  for (const row of rows.rows) {
    expect.soft(/[\r\n]|evil\.example/.test(row.to_address), `outbox recipient ${JSON.stringify(row.to_address)}`).toBe(false);
    expect.soft(/[\r\n]/.test(row.subject), `outbox subject ${JSON.stringify(row.subject)}`).toBe(false);
  }
  expect(rows.rows.some((row) => row.to_address === invitee), "the invitation was queued").toBe(true);

  const { simpleParser } = await import("mailparser");
  let calendars = 0;
  for (const file of mailFiles()) {
    const raw = fs.readFileSync(file, "utf8");
    // The headers, each unfolded onto one line: a value may be in the subject's text, never a header of its own.
    const headers = raw.slice(0, raw.search(/\r?\n\r?\n/)).replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/);
    const what = path.basename(file);
    expect.soft(headers.filter((line) => /^(bcc|cc|reply-to|attendee|location)\s*:/i.test(line) || (!/^subject:/i.test(line) && line.includes("evil.example"))), `${what}: a header from a value`).toEqual([]);
    expect.soft(headers.filter((line) => /^subject:/i.test(line)), `${what}: one subject`).toHaveLength(1);
    const parsed = await simpleParser(raw);
    expect.soft(parsed.bcc ?? parsed.cc, `${what}: copies`).toBeUndefined();
    expect.soft(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value.length : 0, `${what}: one recipient`).toBe(1);
    for (const attachment of parsed.attachments.filter((a) => a.contentType.startsWith("text/calendar"))) {
      calendars++;
      const lines = attachment.content.toString("utf8").replace(/\r?\n[ \t]/g, "").split(/\r?\n/);
      expect.soft(lines.filter((line) => line.includes("evil.example")), `${what}: invite lines from a value`).toEqual([]);
    }
  }
  expect(calendars, "the booked meeting's invites were read").toBeGreaterThan(0);
});

test("single-use links work once: e-mail confirmation, password reset and meeting responses", async ({ world: w }) => {
  test.setTimeout(120_000);
  const markers = personalDataMarkers(w.run);

  // Registration, with markup and a line break in the name.
  const registrant = `registrant.${w.run}@unrecognised.example`;
  const registered = await post(w, "/register", {
    pairs: [["name", `${markers.registrantName} ${PAYLOADS.script}\r\nBcc: x@evil.example`], ["email", registrant], ["organisation", `Org ${PAYLOADS.attribute}`], ["password", STRONG_PASSWORD], ["confirm", STRONG_PASSWORD]],
  });
  expectStatus(registered, [200], "registering");
  const [, verifyToken] = await linkTo(registrant, /\/verify-email\?token=([A-Za-z0-9_-]+)/);
  expectStatus(await post(w, "/verify-email", { pairs: [["token", verifyToken!]] }), [200], "confirming the address");
  expectStatus(await post(w, "/verify-email", { pairs: [["token", verifyToken!]] }), [400], "confirming the address again");
  const pending = await get(w, "/staff/admin", w.admin);
  expectStatus(pending, [200], "the administrator's list of accounts to approve");
  expect.soft(pending.text, "the registrant's name, escaped").toContain(`${markers.registrantName} ${ESCAPED.script}`);

  // Password reset.
  expectStatus(await post(w, "/forgot-password", { pairs: [["email", w.resetEmail]] }), [200], "asking for a reset");
  const [, resetToken] = await linkTo(w.resetEmail, /\/set-password\?token=([A-Za-z0-9_-]+)/);
  const reset = (password: string) => post(w, "/set-password", { pairs: [["token", resetToken!], ["password", password], ["confirm", password]] });
  expectStatus(await reset(`${STRONG_PASSWORD}-new`), [200], "resetting the password");
  expectStatus(await reset(`${STRONG_PASSWORD}-again`), [400], "resetting it again with the same link");

  // Meeting links: choosing an offered time, and confirming a booked meeting.
  const request = await post(w, "/staff/meetings/new", {
    cookie: w.southVlo.cookie,
    pairs: signedPairs(w.southVlo, [["name", "Robin"], ["channels", "email"], ["email", `chooser.${w.run}@home.example`], ["forceId", "metropolitan"], ["boroughId", "croydon"], ["format", "EITHER"], ["language", "en"]]),
  });
  expectStatus(request, [200], "a request to offer times to");
  const reference = MEETING_REFERENCE.exec(request.text)![0];
  expectStatus(
    await post(w, "/staff/meetings/slots", { cookie: w.southVlo.cookie, pairs: signedPairs(w.southVlo, [["intent", "publish"], ["date.day", "10"], ["date.month", "2"], ["date.year", "2031"], ["start", "14:00"], ["length", "60"], ["buffer", "15"], ["mode", "VIDEO"]]) }),
    [200],
    "publishing a time",
  );
  const slotId = (await w.db.query<{ id: string }>(`SELECT id FROM meeting_slot WHERE vlo_id = $1 AND mode = 'VIDEO' AND status = 'OPEN'`, [w.southVlo.userId])).rows[0]!.id;
  expectStatus(await post(w, `/staff/meetings/${reference}`, { cookie: w.southVlo.cookie, pairs: signedPairs(w.southVlo, [["intent", "propose"], ["slotIds", slotId]]) }), [200], "offering the time");
  const [, chooseToken] = await linkTo(`chooser.${w.run}@home.example`, /\/pre-trial-meeting\/respond\/([A-Za-z0-9_.-]+)/);
  const choose = () => post(w, `/pre-trial-meeting/respond/${chooseToken}`, { pairs: [["intent", "choose"], ["slotId", slotId]] });
  expectStatus(await choose(), [200], "choosing the time");
  expectStatus(await choose(), [410], "choosing it again");
  const used = await get(w, `/pre-trial-meeting/respond/${chooseToken}`);
  expectStatus(used, [200], "opening the used link");
  expect.soft(used.text, "the used link says so").toContain("This link has already been used");

  const [, respondToken] = await linkTo(w.victimEmail, /\/pre-trial-meeting\/respond\/([A-Za-z0-9_.-]+)/, w.booked);
  const respondPage = await get(w, `/pre-trial-meeting/respond/${respondToken}`);
  expectStatus(respondPage, [200], "the booked meeting's link");
  const confirm = () => post(w, `/pre-trial-meeting/respond/${respondToken}`, { pairs: [["intent", "confirm"]] });
  expectStatus(await confirm(), [200], "confirming the meeting");
  expectStatus(await confirm(), [410], "confirming it again");
});

test("NUL characters are removed, never stored and never a 5xx", async ({ world: w }) => {
  test.setTimeout(90_000);
  const nul = (text: string) => `${text}\u0000${text}`;
  const sends: { what: string; url: string; who?: Who; pairs: Pairs; view?: string }[] = [
    { what: "a query", url: "/isva/queries/new", who: w.isva, pairs: [["forceId", "metropolitan"], ["boroughId", "lambeth"], ["category", "OTHER"], ["question", nul("Question")], ["urn", nul("01")], ["consent", "yes"], ["intent", "send"]] },
    { what: "an ISVA reply", url: `/isva/queries/${w.query}`, who: w.isva, pairs: [["body", nul("Reply")]], view: `/isva/queries/${w.query}` },
    { what: "a staff reply", url: `/staff/queries/${w.query}`, who: w.southStaff, pairs: [["intent", "reply"], ["body", nul("Reply")]], view: `/staff/queries/${w.query}` },
    { what: "a phone request", url: "/staff/meetings/new", who: w.southVlo, pairs: [["name", nul("Name")], ["channels", "phone"], ["phone", "01632 960555"], ["times", nul("Evenings")], ["forceId", "hampshire"], ["format", "VIDEO"], ["access", nul("Access")]] },
    { what: "a published time", url: "/staff/meetings/slots", who: w.southVlo, pairs: [["intent", "publish"], ["date.day", "12"], ["date.month", "2"], ["date.year", "2031"], ["start", "09:00"], ["length", "30"], ["buffer", "0"], ["mode", "IN_PERSON"], ["room", nul("Room")]], view: "/staff/meetings/slots" },
    { what: "a moved meeting", url: `/staff/meetings/${w.booked}`, who: w.southVlo, pairs: [["intent", "move"], ["meetingId", w.meetingId], ["date.day", "5"], ["date.month", "2"], ["date.year", "2031"], ["start", "11:00"], ["length", "60"], ["room", nul("Room")], ["reason", nul("Reason")]], view: `/staff/meetings/${w.booked}` },
    { what: "an outcome", url: `/staff/meetings/${w.booked}`, who: w.southVlo, pairs: [["intent", "outcome"], ["held", "no"], ["specialMeasures", nul("Measures")], ["followUps", nul("Follow")]], view: `/staff/meetings/${w.booked}` },
    { what: "a letter draft", url: `/staff/letters/${w.letter}/v/${w.draft}`, who: w.editor, pairs: [["intent", "save"], ["bodyEn", nul("# Title")], ["bodyCy", nul("# Teitl")]], view: `/staff/letters/${w.letter}/v/${w.draft}` },
    {
      what: "a letter preview", url: `/staff/letters/${RENDER_LETTER}/render`, who: w.southStaff,
      pairs: [["language", "en"], ["intent", "preview"], ...Object.entries({ victim_name: nul("Sam"), reference: nul("01/AB"), letter_date: "2030-01-07", area_name: nul("CPS"), contact_name: nul("Kim"), contact_phone: "01632 960444", case_stopped: "yes", old_charge: nul("rape"), decision_reason: nul("Reasons.") }).map(([name, value]): [string, string] => [`v.${name}`, value])],
    },
    { what: "an invitation", url: "/staff/admin/invite", who: w.admin, pairs: [["name", nul("Name")], ["email", `nul.${w.run}@cps.example`], ["roles", "ISVA"]] },
    { what: "a recognised service", url: "/staff/admin/domains", who: w.admin, pairs: [["intent", "add"], ["domain", `nul-${w.run}.example`], ["organisation", nul("Service")]], view: "/staff/admin/domains" },
    { what: "a registration", url: "/register", pairs: [["name", nul("Name")], ["email", `nul.${w.run}@unrecognised.example`], ["organisation", nul("Org")], ["password", STRONG_PASSWORD], ["confirm", STRONG_PASSWORD]] },
    { what: "a sign-in", url: "/sign-in", pairs: [["email", `nul.${w.run}@unrecognised.example`], ["password", nul("password")]] },
    { what: "a public meeting request", url: "/pre-trial-meeting/request", pairs: [["name", nul("Name")], ["channels", "phone"], ["phone", "01632 960666"], ["forceId", "dorset"], ["format", "VIDEO"], ["interpreter", nul("Polish")]] },
  ];
  for (const send of sends) {
    const answer = await post(w, send.url, { cookie: send.who?.cookie, pairs: send.who ? signedPairs(send.who, send.pairs) : send.pairs });
    expectSafe(answer, send.what);
    expect.soft(answer.text.includes("\u0000"), `${send.what}: no NUL in the answer`).toBe(false);
    if (send.view && answer.status < 400) {
      const view = await get(w, send.view, send.who);
      expectStatus(view, [200], `${send.what}: the page showing it`);
      expect.soft(view.text.includes("\u0000"), `${send.what}: no NUL on the page showing it`).toBe(false);
    }
  }
  await post(w, "/staff/admin/domains", { cookie: w.admin.cookie, pairs: signedPairs(w.admin, [["intent", "remove"], ["domain", `nul-${w.run}.example`]]) });
});
