// Every protected route, loader and action, as every role and as nobody: the
// server refuses what a role may not do, whatever the page shows.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "~/generated/prisma/client.ts";
import { closeRateLimits, initRateLimits } from "~/features/security/rate-limit.server.ts";
import { setDb, type Db } from "~/utils/db.server.ts";
import { createMigratedDatabase } from "../../setup/database.ts";
import { makeUser, signedIn } from "../../setup/users.ts";

const ROUTES_DIR = path.resolve(import.meta.dirname, "../../../app/routes");
const STAFF: Role[] = ["AREA_STAFF", "VLO", "LETTER_EDITOR", "ADMIN"];

/** Who may use each protected route. A new protected route must be added here, or this test fails. */
const POLICY: Record<string, Role[] | "any"> = {
  "($lang).account._index.tsx": "any",
  "($lang).isva._index.tsx": ["ISVA"],
  "($lang).staff._index.tsx": STAFF,
  "($lang).staff.admin._index.tsx": ["ADMIN"],
  "($lang).staff.admin.invite.tsx": ["ADMIN"],
  "($lang).staff.admin.users.$id.tsx": ["ADMIN"],
  "($lang).staff.admin.domains.tsx": ["ADMIN"],
  "($lang).staff.admin.areas.tsx": ["ADMIN"],
  "($lang).staff.admin.audit.tsx": ["ADMIN"],
};

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
const sessions = new Map<Role, { cookie: string; csrf: string }>();

beforeAll(async () => {
  const created = await createMigratedDatabase();
  db = created.db;
  setDb(db);
  initRateLimits(created.url);
  for (const role of ["ISVA", ...STAFF] as Role[]) {
    const needsArea = role === "AREA_STAFF" || role === "VLO";
    const { user } = await makeUser(db, { roles: [role], areaId: needsArea ? "north-west" : undefined, organisation: role === "ISVA" ? "Test service" : undefined });
    sessions.set(role, await signedIn(db, user.id));
  }
  targetUserId = (await makeUser(db, { roles: ["ISVA"], organisation: "Target" })).user.id;
});

afterAll(async () => {
  await closeRateLimits();
  await db.$disconnect();
});

function request(method: "GET" | "POST", who: { cookie: string; csrf: string } | undefined, withCsrf = true) {
  const body = new URLSearchParams({ intent: "roles", roles: "ISVA", userId: targetUserId, domain: "x.example", organisation: "X" });
  if (who && withCsrf) body.set("csrf", who.csrf);
  return new Request(`http://localhost/staff/x`, {
    method,
    headers: { ...(who ? { Cookie: who.cookie } : {}), ...(method === "POST" ? { "Content-Type": "application/x-www-form-urlencoded" } : {}) },
    body: method === "POST" ? body : undefined,
  });
}

describe("the access matrix", () => {
  it("covers every protected route", () => {
    expect(protectedRoutes.sort()).toEqual(Object.keys(POLICY).sort());
  });

  for (const file of Object.keys(POLICY)) {
    describe(file, () => {
      const load = async () => (await import(/* @vite-ignore */ path.join(ROUTES_DIR, file))) as RouteModule;
      const args = (req: Request) => ({ request: req, params: { id: targetUserId }, context: { cspNonce: "", clientAddress: "127.0.0.1" } });

      it("sends nobody signed in to the sign-in page", async () => {
        const route = await load();
        if (route.loader) expect(await statusOf(() => route.loader!(args(request("GET", undefined))))).toBe(302);
        if (route.action) expect(await statusOf(() => route.action!(args(request("POST", undefined))))).toBe(302);
      });

      for (const role of ["ISVA", ...STAFF] as Role[]) {
        const policy = POLICY[file]!;
        const allowed = policy === "any" || policy.includes(role);
        it(`${allowed ? "lets" : "refuses"} ${role}`, async () => {
          const route = await load();
          const who = sessions.get(role)!;
          if (route.loader) {
            const status = await statusOf(() => route.loader!(args(request("GET", who))));
            expect(status, "loader").toBe(allowed ? 200 : 403);
          }
          if (route.action) {
            const status = await statusOf(() => route.action!(args(request("POST", who))));
            if (allowed) expect(status, "action").not.toBe(403);
            else expect(status, "action").toBe(403);
            // Even an allowed role is refused without the form token.
            expect(await statusOf(() => route.action!(args(request("POST", who, false)))), "action without token").toBe(403);
          }
        });
      }
    });
  }
});
