// Every protected route, loader and action, as every role and as nobody: the
// server refuses what a role may not do, whatever the page shows.
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Role } from "~/generated/prisma/client.ts";
import { closeRateLimits, initRateLimits } from "~/features/security/rate-limit.server.ts";
import { setDb, type Db } from "~/utils/db.server.ts";
import { createMigratedDatabase } from "../../setup/database.ts";
import { makeUser, signedIn } from "../../setup/users.ts";
import { sendQuery } from "../../setup/queries.ts";
import { fieldCipher } from "~/features/crypto/cipher.server.ts";
import { WORKSPACE_SECTIONS } from "~/components/layout/WorkspaceNavigation.tsx";

const ROUTES_DIR = path.resolve(import.meta.dirname, "../../../app/routes");
const STAFF: Role[] = ["AREA_STAFF", "VLO", "LETTER_EDITOR", "ADMIN"];

/** Who may use each protected route. A new protected route must be added here, or this test fails. */
type Policy = Role[] | "any" | { read: Role[]; write: Role[] };
const POLICY: Record<string, Policy> = {
  "($lang).account._index.tsx": "any",
  "($lang).isva._index.tsx": ["ISVA"],
  "($lang).staff._index.tsx": STAFF,
  "($lang).staff.admin._index.tsx": ["ADMIN"],
  "($lang).staff.admin.invite.tsx": ["ADMIN"],
  "($lang).staff.admin.users.$id.tsx": ["ADMIN"],
  "($lang).staff.admin.domains.tsx": ["ADMIN"],
  "($lang).staff.admin.areas._index.tsx": ["ADMIN"],
  "($lang).staff.admin.areas.$id.tsx": ["ADMIN"],
  "($lang).staff.admin.audit.tsx": ["ADMIN"],
  "($lang).staff.admin.support._index.tsx": ["ADMIN"],
  "($lang).staff.admin.support.$id.tsx": ["ADMIN"],
  "($lang).isva.queries._index.tsx": ["ISVA"],
  "($lang).isva.queries.new.tsx": ["ISVA"],
  "($lang).isva.queries.$reference.tsx": ["ISVA"],
  "($lang).staff.queries._index.tsx": ["AREA_STAFF", "VLO"],
  "($lang).staff.queries.$reference.tsx": ["AREA_STAFF", "VLO"],
  "($lang).staff.queries.snippets.tsx": ["AREA_STAFF", "VLO"],
  "($lang).staff.insight.tsx": ["AREA_STAFF", "VLO", "ADMIN"],
  "($lang).staff.letters._index.tsx": ["LETTER_EDITOR", "AREA_STAFF", "VLO"],
  "($lang).staff.letters.$id._index.tsx": ["LETTER_EDITOR"],
  "($lang).staff.letters.$id.v.$number.tsx": ["LETTER_EDITOR"],
  "($lang).staff.letters.$id.diff.tsx": ["LETTER_EDITOR"],
  "($lang).staff.letters.$id.render.tsx": ["AREA_STAFF", "VLO"],
  "($lang).staff.letters.$id.render[.pdf].tsx": ["AREA_STAFF", "VLO"],
  "($lang).staff.meetings._index.tsx": ["VLO", "AREA_STAFF"],
  "($lang).staff.meetings.$reference.tsx": { read: ["VLO", "AREA_STAFF"], write: ["VLO"] },
  "($lang).staff.meetings.new.tsx": ["VLO"],
  "($lang).staff.meetings.slots.tsx": ["VLO"],
  "($lang).isva.meetings._index.tsx": ["ISVA"],
  "($lang).isva.meetings.new.tsx": ["ISVA"],
};

const may = (policy: Policy, role: Role, what: "read" | "write") =>
  policy === "any" ? true : Array.isArray(policy) ? policy.includes(role) : policy[what].includes(role);

const protectedRoutes = fs.readdirSync(ROUTES_DIR).filter((file) => /\)\.(staff|isva|account\._index)/.test(file));

type RouteModule = {
  loader?: (args: unknown) => Promise<unknown>;
  action?: (args: unknown) => Promise<unknown>;
};

async function statusOf(call: () => Promise<unknown>): Promise<number> {
  try {
    const result = await call();
    return result instanceof Response ? result.status : 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

let db: Db;
let targetUserId: string;
/** A query sent by the matrix's own ISVA, routed to the matrix staff's Area. */
let ownReference: string;
/** A meeting request in the matrix staff's Area. */
let meetingReference: string;
const sessions = new Map<Role, { cookie: string; csrf: string }>();
const users = new Map<Role, { id: string; email: string }>();

/** What the server logged to stderr during the current test. */
let logged: string[] = [];
beforeEach(() => {
  logged = [];
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    logged.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  vi.mocked(process.stderr.write).mockRestore();
});

beforeAll(async () => {
  const created = await createMigratedDatabase();
  db = created.db;
  setDb(db);
  initRateLimits(created.url);
  for (const role of ["ISVA", ...STAFF] as Role[]) {
    const needsArea = role === "AREA_STAFF" || role === "VLO";
    const { user } = await makeUser(db, { roles: [role], areaId: needsArea ? "north-west" : undefined, organisation: role === "ISVA" ? "Test service" : undefined });
    sessions.set(role, await signedIn(db, user.id));
    users.set(role, user);
  }
  targetUserId = (await makeUser(db, { roles: ["ISVA"], organisation: "Target" })).user.id;
  const isva = await db.session.findFirstOrThrow({ where: { user: { roles: { has: "ISVA" }, organisation: "Test service" } }, include: { user: true } });
  ownReference = (await sendQuery(db, isva.user, "north-west")).reference;
  meetingReference = "M-2345-6789";
  await db.meetingRequest.create({
    data: {
      reference: meetingReference, areaId: "north-west", requestedBy: "VICTIM", safeEmail: false, safePhone: true, safeVoicemail: false,
      safeText: false, onlyViaIsva: false, id: "00000000-0000-4000-8000-000000000001",
      contact: fieldCipher().encrypt(JSON.stringify({ name: "A" }), "meeting-request:00000000-0000-4000-8000-000000000001"),
      needs: fieldCipher().encrypt(JSON.stringify({ format: "EITHER", supporter: false, topics: [] }), "meeting-request:00000000-0000-4000-8000-000000000001"),
    },
  });
  await db.letterTemplate.create({
    data: {
      id: "matrix-letter",
      stage: "trial",
      versions: {
        create: {
          number: 1, status: "APPROVED", nameEn: "Matrix", nameCy: "Matrix", senderEn: "Sender", senderCy: "Anfonwr",
          bodyEn: "# Hello ((victim_name))", bodyCy: "# Helo ((victim_name))",
          placeholders: { victim_name: { type: "text", required: true } }, examples: [{ victim_name: "Sam" }],
        },
      },
    },
  });
});

afterAll(async () => {
  await closeRateLimits();
  await db.$disconnect();
});

function request(method: "GET" | "POST", who: { cookie: string; csrf: string } | undefined, withCsrf = true, intent = "roles") {
  const body = new URLSearchParams({ intent, roles: "ISVA", userId: targetUserId, domain: "x.example", organisation: "X", body: "A reply", status: "IN_PROGRESS", note: "A note", toAreaId: "wessex", reason: "It belongs there" });
  if (who && withCsrf) body.set("csrf", who.csrf);
  return new Request(`http://localhost/staff/x?a=1&b=1`, {
    method,
    headers: { ...(who ? { Cookie: who.cookie } : {}), ...(method === "POST" ? { "Content-Type": "application/x-www-form-urlencoded" } : {}) },
    body: method === "POST" ? body : undefined,
  });
}

describe("the access matrix", () => {
  it("covers every protected route", () => {
    expect(protectedRoutes.sort()).toEqual(Object.keys(POLICY).sort());
  });

  it("offers in the workspace's navigation exactly the sections each role may open", () => {
    for (const section of WORKSPACE_SECTIONS) {
      const policy = POLICY[`($lang)${section.path.replaceAll("/", ".")}._index.tsx`] ?? POLICY[`($lang)${section.path.replaceAll("/", ".")}.tsx`];
      expect(policy, section.path).toBeDefined();
      for (const role of ["ISVA", ...STAFF] as Role[]) expect(section.roles.includes(role), `${role} and ${section.path}`).toBe(may(policy!, role, "read"));
    }
  });

  it("logs each refusal with the user's id and the check, never their address", async () => {
    const route = (await import(/* @vite-ignore */ path.join(ROUTES_DIR, "($lang).staff.admin.domains.tsx"))) as RouteModule;
    const context = { cspNonce: "", clientAddress: "127.0.0.1" };
    expect(await statusOf(() => route.loader!({ request: request("GET", sessions.get("ISVA")), params: {}, context }))).toBe(403);
    expect(await statusOf(() => route.action!({ request: request("POST", sessions.get("ADMIN"), false), params: {}, context }))).toBe(403);
    const entries = logged.map((line) => JSON.parse(line));
    expect(entries).toEqual([
      { time: expect.stringMatching(/Z$/), level: "warn", message: "access refused", check: "role", userId: users.get("ISVA")!.id },
      { time: expect.stringMatching(/Z$/), level: "warn", message: "access refused", check: "csrf", userId: users.get("ADMIN")!.id },
    ]);
    for (const role of ["ISVA", "ADMIN"] as Role[]) expect(logged.join("")).not.toContain(users.get(role)!.email);
  });

  for (const file of Object.keys(POLICY)) {
    describe(file, () => {
      const load = async () => (await import(/* @vite-ignore */ path.join(ROUTES_DIR, file))) as RouteModule;
      // Letter routes read id as a letter and number as a version, the Area routes id as an Area; others read id as a user.
      const letterRoute = file.includes(".letters.");
      const args = (req: Request) => ({
        request: req,
        params: { id: letterRoute ? "matrix-letter" : file.includes(".support.") ? "new" : file.includes(".areas.") ? "wessex" : targetUserId, number: "1", reference: file.includes(".meetings.") ? meetingReference : ownReference },
        context: { cspNonce: "", clientAddress: "127.0.0.1" },
      });

      it("sends nobody signed in to the sign-in page", async () => {
        const route = await load();
        if (route.loader) expect(await statusOf(() => route.loader!(args(request("GET", undefined))))).toBe(302);
        if (route.action) expect(await statusOf(() => route.action!(args(request("POST", undefined))))).toBe(302);
      });

      for (const role of ["ISVA", ...STAFF] as Role[]) {
        const policy = POLICY[file]!;
        const allowed = may(policy, role, "read");
        const writer = may(policy, role, "write");
        it(`${allowed ? "lets" : "refuses"} ${role}`, async () => {
          const route = await load();
          const who = sessions.get(role)!;
          if (route.loader) {
            const status = await statusOf(() => route.loader!(args(request("GET", who))));
            expect(status, "loader").toBe(allowed ? 200 : 403);
          }
          if (route.action) {
            const status = await statusOf(() => route.action!(args(request("POST", who))));
            if (writer) expect(status, "action").not.toBe(403);
            else expect(status, "action").toBe(403);
            // Even an allowed role is refused without the form token.
            expect(await statusOf(() => route.action!(args(request("POST", who, false)))), "action without token").toBe(403);
          }
          // Each refusal is a security event in the log: the user's id and the check, never their address.
          const refusals = logged.map((line) => JSON.parse(line)).filter((entry) => entry.message === "access refused");
          if (route.action || !allowed) expect(refusals.length, "refusals logged").toBeGreaterThan(0);
          else expect(refusals, "nothing refused, nothing logged").toEqual([]);
          for (const entry of refusals) expect(entry).toEqual({ time: expect.any(String), level: "warn", message: "access refused", check: expect.stringMatching(/^(role|csrf)$/), userId: users.get(role)!.id });
          expect(logged.join("")).not.toContain(users.get(role)!.email);
        });
      }
    });
  }
});

describe("records of another Area or another ISVA", () => {
  const AREAS = [
    "north-east", "yorkshire-humberside", "north-west", "mersey-cheshire", "west-midlands", "east-midlands", "east-of-england",
    "thames-chiltern", "south-east", "wessex", "south-west", "cymru-wales", "london-north", "london-south",
  ];

  it("are refused (404) to staff and VLOs of every other Area, for reading and for every change", async () => {
    const { user: isva } = await makeUser(db, { roles: ["ISVA"], organisation: "Matrix service" });
    const references: Record<string, string> = {};
    for (const area of AREAS) references[area] = (await sendQuery(db, isva, area)).reference;
    const route = (await import(/* @vite-ignore */ path.join(ROUTES_DIR, "($lang).staff.queries.$reference.tsx"))) as RouteModule;
    for (const staffArea of AREAS) {
      for (const role of ["AREA_STAFF", "VLO"] as Role[]) {
        const { user } = await makeUser(db, { roles: [role], areaId: staffArea });
        const who = await signedIn(db, user.id);
        for (const recordArea of AREAS) {
          const params = { reference: references[recordArea] };
          const context = { cspNonce: "", clientAddress: "127.0.0.1" };
          const read = await statusOf(() => route.loader!({ request: request("GET", who), params, context }));
          if (recordArea === staffArea) {
            expect(read, `${role} of ${staffArea} reading own Area`).toBe(200);
            continue;
          }
          const writes = [];
          for (const intent of ["reply", "assign", "status", "note", "transfer"]) {
            writes.push(await statusOf(() => route.action!({ request: request("POST", who, true, intent), params, context })));
          }
          expect([read, ...writes], `${role} of ${staffArea} on a ${recordArea} query`).toEqual([404, 404, 404, 404, 404, 404]);
        }
      }
    }
  }, 120_000);

  it("move with a transfer: the old Area loses a query at once and the new Area gains it, as does no other", async () => {
    const { user: isva } = await makeUser(db, { roles: ["ISVA"], organisation: "Matrix service" });
    const { reference } = await sendQuery(db, isva, "north-west");
    const route = (await import(/* @vite-ignore */ path.join(ROUTES_DIR, "($lang).staff.queries.$reference.tsx"))) as RouteModule;
    const context = { cspNonce: "", clientAddress: "127.0.0.1" };
    const params = { reference };
    const staff: Record<string, { cookie: string; csrf: string }> = {};
    for (const area of ["north-west", "wessex", "london-south"]) staff[area] = await signedIn(db, (await makeUser(db, { roles: ["AREA_STAFF"], areaId: area })).user.id);
    const reads = async () => {
      const seen: Record<string, number> = {};
      for (const area of Object.keys(staff)) seen[area] = await statusOf(() => route.loader!({ request: request("GET", staff[area]), params, context }));
      return seen;
    };
    expect(await reads()).toEqual({ "north-west": 200, wessex: 404, "london-south": 404 });
    expect(await statusOf(() => route.action!({ request: request("POST", staff["north-west"], true, "transfer"), params, context }))).toBe(302);
    expect(await reads()).toEqual({ "north-west": 404, wessex: 200, "london-south": 404 });
    // The old Area can change nothing; the new Area can.
    for (const intent of ["reply", "assign", "status", "note", "transfer"]) {
      expect(await statusOf(() => route.action!({ request: request("POST", staff["north-west"], true, intent), params, context })), intent).toBe(404);
    }
    expect(await statusOf(() => route.action!({ request: request("POST", staff.wessex, true, "note"), params, context }))).toBe(302);
  });

  it("keep each Area's saved replies to itself, for reading, use and every change", async () => {
    const mine = await db.replySnippet.create({ data: { areaId: "wessex", title: `Wessex only ${Date.now()}`, body: "Wessex wording" } });
    const { user: isva } = await makeUser(db, { roles: ["ISVA"], organisation: "Matrix service" });
    const { reference } = await sendQuery(db, isva, "london-south");
    const south = await signedIn(db, (await makeUser(db, { roles: ["AREA_STAFF"], areaId: "london-south" })).user.id);
    const context = { cspNonce: "", clientAddress: "127.0.0.1" };
    const page = (await import(/* @vite-ignore */ path.join(ROUTES_DIR, "($lang).staff.queries.snippets.tsx"))) as RouteModule;
    const listed = (await page.loader!({ request: new Request(`http://localhost/staff/queries/snippets?edit=${mine.id}`, { headers: { Cookie: south.cookie } }), params: {}, context })) as { snippets: unknown[]; editing: unknown };
    expect(listed.snippets).toEqual([]);
    expect(listed.editing).toBeNull();
    const post = (pairs: Record<string, string>) =>
      new Request("http://localhost/staff/queries/snippets", { method: "POST", headers: { Cookie: south.cookie, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ csrf: south.csrf, ...pairs }) });
    expect(await statusOf(() => page.action!({ request: post({ intent: "save", id: mine.id, title: "Taken over", body: "Changed" }), params: {}, context }))).toBe(404);
    expect(await statusOf(() => page.action!({ request: post({ intent: "delete", id: mine.id }), params: {}, context }))).toBe(404);
    const query = (await import(/* @vite-ignore */ path.join(ROUTES_DIR, "($lang).staff.queries.$reference.tsx"))) as RouteModule;
    const used = new Request(`http://localhost/staff/queries/${reference}`, {
      method: "POST", headers: { Cookie: south.cookie, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ csrf: south.csrf, intent: "snippet", snippetId: mine.id, body: "" }),
    });
    expect(JSON.stringify(await query.action!({ request: used, params: { reference }, context }))).not.toContain("Wessex wording");
    expect(await db.replySnippet.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({ title: mine.title, body: "Wessex wording" });
  });

  it("are refused (404) to another ISVA", async () => {
    const { user: other } = await makeUser(db, { roles: ["ISVA"], organisation: "Test service" });
    const who = await signedIn(db, other.id);
    const route = (await import(/* @vite-ignore */ path.join(ROUTES_DIR, "($lang).isva.queries.$reference.tsx"))) as RouteModule;
    const context = { cspNonce: "", clientAddress: "127.0.0.1" };
    expect(await statusOf(() => route.loader!({ request: request("GET", who), params: { reference: ownReference }, context }))).toBe(404);
    expect(await statusOf(() => route.action!({ request: request("POST", who, true, "reply"), params: { reference: ownReference }, context }))).toBe(404);
  });
});
