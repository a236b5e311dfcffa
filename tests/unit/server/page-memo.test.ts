// The kept signed-in page in front of a small page that reads the same data as
// the Area inbox, on a real database: what is sent again, and every change
// that makes it be rendered afresh.
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import compression from "compression";
import express from "express";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadSession, sessionTokenFromCookies } from "~/features/auth/session.server.ts";
import { INBOX_CONTENT_SQL, INBOX_FILTER_PARAMS, inboxContentValues, listAreaQueries, readInboxFilter } from "~/features/queries/queries.server.ts";
import { SignedInPageMemo } from "~/server/page-memo.server.ts";
import { securityHeaders } from "~/server/security.server.ts";
import { poolOf, type Db } from "~/utils/db.server.ts";
import { createMigratedDatabase, sql } from "../../setup/database.ts";
import { sendQuery } from "../../setup/queries.ts";
import { makeUser, signedIn } from "../../setup/users.ts";

const AREA = "cymru-wales";
let db: Db;
let url: string;
let server: http.Server;
let origin: string;
let memo: SignedInPageMemo;
let renders = 0;
let duringRender: (() => Promise<void>) | undefined;
let staff: Awaited<ReturnType<typeof makeUser>>["user"];
let cookie: string;

beforeAll(async () => {
  ({ db, url } = await createMigratedDatabase());
  memo = new SignedInPageMemo({
    pool: poolOf(db),
    pages: [
      {
        name: "test-inbox",
        path: /^\/(?:cy\/)?staff\/queries$/,
        query: INBOX_FILTER_PARAMS,
        contentSql: INBOX_CONTENT_SQL,
        contentValues: inboxContentValues,
      },
    ],
    hsts: false,
  });
  const app = express();
  app.use(securityHeaders({ hsts: false }));
  app.use(compression());
  app.use(memo.capture());
  app.get(["/staff/queries", "/cy/staff/queries"], async (req, res) => {
    renders++;
    const session = await loadSession(db, sessionTokenFromCookies(req.headers.cookie ?? ""));
    if (!session) return void res.redirect(302, "/sign-in");
    if (!session.user.roles.includes("AREA_STAFF")) return void res.status(403).send("Forbidden");
    await duringRender?.();
    const rows = await listAreaQueries(db, session.user, readInboxFilter(new URL(req.url, "http://x").searchParams));
    const nonce = res.locals.cspNonce as string;
    res.set("Cache-Control", "no-store").type("html");
    res.send(
      `<!DOCTYPE html><html><head><meta name="csp-nonce" nonce="${nonce}"></head><body><p>${session.user.name}</p><table>` +
        rows.map((r) => `<tr><td>${r.reference}</td><td>${r.status}</td><td>${r.assignee?.name ?? "nobody"}</td></tr>`).join("") +
        `</table><script nonce="${nonce}">window.ready=1</script></body></html>`,
    );
  });
  server = http.createServer((req, res) => {
    const kept = memo.serve(req, res);
    if (!kept) return void app(req, res);
    void kept.then((served) => served || app(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const isva = (await makeUser(db, { roles: ["ISVA"], organisation: "Test ISVA service" })).user;
  for (let i = 0; i < 3; i++) await sendQuery(db, isva, AREA);
  staff = (await makeUser(db, { roles: ["AREA_STAFF"], areaId: AREA })).user;
  ({ cookie } = await signedIn(db, staff.id));
});

afterAll(async () => {
  memo.close();
  await new Promise((resolve) => server.close(resolve));
  await db.$disconnect();
});

beforeEach(() => {
  duringRender = undefined;
});

type Answer = { status: number; headers: http.IncomingHttpHeaders; raw: Buffer; text: string };

function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${origin}${path}`, { headers: { cookie, "accept-encoding": "gzip", ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        const text = (res.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(raw) : raw).toString("utf8");
        resolve({ status: res.statusCode ?? 0, headers: res.headers, raw, text });
      });
    });
    request.on("error", reject);
  });
}

/** Two answers in a row; how many renderings the second needed. */
async function twice(path = "/staff/queries", headers: Record<string, string> = {}) {
  const first = await get(path, headers);
  await settled();
  const before = renders;
  const second = await get(path, headers);
  await settled();
  return { first, second, rendered: renders - before };
}

/** Keeping a rendering happens after it is sent: give it a moment. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 50));

const nonceOf = (answer: Answer) => /'nonce-([^']+)'/.exec(String(answer.headers["content-security-policy"]))?.[1];
const withoutNonce = (answer: Answer) => answer.text.replaceAll(nonceOf(answer)!, "NONCE");

describe("a kept signed-in page", () => {
  it("is sent again without rendering while nothing it shows has changed", async () => {
    const { first, second, rendered } = await twice();
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(rendered).toBe(0);
    expect(withoutNonce(second)).toBe(withoutNonce(first));
    expect(second.text).toContain(staff.name);
  });

  it("has a new nonce on every answer, the same in its policy and its body", async () => {
    const answers = [await get("/staff/queries"), await get("/staff/queries"), await get("/staff/queries")];
    const nonces = answers.map(nonceOf);
    expect(new Set(nonces).size).toBe(3);
    for (const [i, answer] of answers.entries()) {
      expect(answer.text.match(/nonce="([^"]+)"/g)).toEqual([`nonce="${nonces[i]}"`, `nonce="${nonces[i]}"`]);
    }
  });

  it("is an ordinary gzip stream to a client that takes gzip, and plain text to one that does not", async () => {
    const zipped = await get("/staff/queries");
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(Number(zipped.headers["content-length"])).toBe(zipped.raw.length);
    for (const refusal of ["identity", "gzip;q=0, deflate"]) {
      const plain = await get("/staff/queries", { "accept-encoding": refusal });
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(Number(plain.headers["content-length"])).toBe(plain.raw.length);
      expect(withoutNonce(plain)).toBe(withoutNonce(zipped));
    }
  });

  it("keeps the headers of the rendering: no-store, HTML, and the security headers", async () => {
    const { second } = await twice();
    expect(second.headers["cache-control"]).toBe("no-store");
    expect(second.headers["content-type"]).toMatch(/^text\/html/);
    expect(second.headers["x-frame-options"]).toBe("DENY");
    expect(second.headers["referrer-policy"]).toBe("no-referrer");
    expect(second.headers.vary).toBe("Accept-Encoding");
    expect(second.headers["set-cookie"]).toBeUndefined();
  });

  it("is rendered afresh when a query's status changes, and shows it", async () => {
    await twice();
    const query = await db.isvaQuery.findFirstOrThrow({ where: { areaId: AREA } });
    await db.isvaQuery.update({ where: { id: query.id }, data: { status: "CLOSED" } });
    const before = renders;
    const after = await get("/staff/queries");
    expect(renders - before).toBe(1);
    expect(after.text).toContain(`<td>${query.reference}</td><td>CLOSED</td>`);
  });

  it("is rendered afresh when a query is assigned, or its assignee's name changes", async () => {
    await twice();
    const query = await db.isvaQuery.findFirstOrThrow({ where: { areaId: AREA } });
    const colleague = (await makeUser(db, { roles: ["AREA_STAFF"], areaId: AREA })).user;
    await db.isvaQuery.update({ where: { id: query.id }, data: { assigneeId: colleague.id } });
    expect((await get("/staff/queries")).text).toContain(colleague.name);
    await settled();
    await db.user.update({ where: { id: colleague.id }, data: { name: "Renamed Colleague" } });
    expect((await get("/staff/queries")).text).toContain("Renamed Colleague");
  });

  it("is rendered afresh when a new query arrives, or one is deleted", async () => {
    await twice();
    const isva = (await makeUser(db, { roles: ["ISVA"], organisation: "Test ISVA service" })).user;
    const sent = await sendQuery(db, isva, AREA);
    expect((await get("/staff/queries")).text).toContain(sent.reference);
    await settled();
    await db.isvaQuery.delete({ where: { reference: sent.reference } });
    expect((await get("/staff/queries")).text).not.toContain(sent.reference);
  });

  it("does not change for another Area's queries", async () => {
    await twice();
    const isva = (await makeUser(db, { roles: ["ISVA"], organisation: "Test ISVA service" })).user;
    await sendQuery(db, isva, "london-south");
    const before = renders;
    await get("/staff/queries");
    expect(renders - before).toBe(0);
  });

  it("is rendered afresh when its user's name or roles change, so guards run again", async () => {
    await twice();
    await db.user.update({ where: { id: staff.id }, data: { name: "Changed Name" } });
    expect((await get("/staff/queries")).text).toContain("Changed Name");
    await settled();
    await db.user.update({ where: { id: staff.id }, data: { roles: ["ISVA"] } });
    const refused = await get("/staff/queries");
    expect(refused.status).toBe(403);
    await db.user.update({ where: { id: staff.id }, data: { roles: ["AREA_STAFF"] } });
  });

  it("is never sent once the session has ended", async () => {
    await twice();
    const { cookie: other } = await signedIn(db, staff.id);
    await get("/staff/queries", { cookie: other });
    await settled();
    await db.session.deleteMany({ where: { userId: staff.id, NOT: { id: { in: [] } } } });
    const answer = await get("/staff/queries", { cookie: other });
    expect(answer.status).toBe(302);
    ({ cookie } = await signedIn(db, staff.id));
  });

  it("is never sent to a disabled account", async () => {
    await twice();
    await db.user.update({ where: { id: staff.id }, data: { status: "DISABLED" } });
    const before = renders;
    const answer = await get("/staff/queries");
    expect(renders - before).toBe(1);
    expect(answer.status).toBe(302);
    await db.user.update({ where: { id: staff.id }, data: { status: "ACTIVE" } });
    ({ cookie } = await signedIn(db, staff.id));
  });

  it("goes to the page itself when the session's last-seen time is due to be written", async () => {
    await twice();
    const twoMinutesAgo = new Date(Date.now() - 2 * 60_000);
    await db.session.updateMany({ where: { userId: staff.id }, data: { lastSeenAt: twoMinutesAgo } });
    const before = renders;
    await get("/staff/queries");
    expect(renders - before).toBe(1);
    const session = await db.session.findFirstOrThrow({ where: { userId: staff.id } });
    expect(session.lastSeenAt.getTime()).toBeGreaterThan(twoMinutesAgo.getTime() + 60_000);
  });

  it("is not shared between sessions, even of one user", async () => {
    await twice();
    const { cookie: other } = await signedIn(db, staff.id);
    const before = renders;
    await get("/staff/queries", { cookie: other });
    expect(renders - before).toBe(1);
  });

  it("is kept for each address: the Welsh page and each filter apart", async () => {
    const english = await get("/staff/queries");
    await settled();
    const before = renders;
    await get("/cy/staff/queries");
    await get("/staff/queries?status=NEW");
    expect(renders - before).toBe(2);
    expect(english.status).toBe(200);
  });

  it("reads only the rows its filter shows: a change elsewhere in the Area leaves it as it was", async () => {
    const open = await db.isvaQuery.findFirstOrThrow({ where: { areaId: AREA } });
    await db.isvaQuery.update({ where: { id: open.id }, data: { status: "NEW" } });
    const others = await db.isvaQuery.findMany({ where: { areaId: AREA, NOT: { id: open.id } } });
    await db.isvaQuery.updateMany({ where: { id: { in: others.map((q) => q.id) } }, data: { status: "CLOSED" } });
    await twice("/staff/queries?status=NEW");
    // A closed query, not on the page, is assigned.
    await db.isvaQuery.update({ where: { id: others[0]!.id }, data: { assigneeId: staff.id } });
    let before = renders;
    expect((await get("/staff/queries?status=NEW")).text).toContain(open.reference);
    expect(renders - before).toBe(0);
    // The query on the page is closed: it leaves the page.
    await db.isvaQuery.update({ where: { id: open.id }, data: { status: "CLOSED" } });
    before = renders;
    expect((await get("/staff/queries?status=NEW")).text).not.toContain(open.reference);
    expect(renders - before).toBe(1);
  });

  it("keeps no address with a parameter the page does not read, or one given twice", async () => {
    for (const path of ["/staff/queries?utm=1", "/staff/queries?status=NEW&status=CLOSED"]) {
      const { rendered } = await twice(path);
      expect(rendered, path).toBe(1);
    }
  });

  it("is rendered afresh on a reload that asks for no cached copy", async () => {
    const { rendered } = await twice("/staff/queries", { "cache-control": "no-cache" });
    expect(rendered).toBe(1);
  });

  it("is not kept when what it shows changed while it was being rendered", async () => {
    // Changes made behind the portal's back, without a new updated_at: only
    // the check after sending tells that the page is not the digest's.
    const path = "/staff/queries?category=CASE_PROGRESS";
    const query = await db.isvaQuery.findFirstOrThrow({ where: { areaId: AREA, category: "CASE_PROGRESS" } });
    const setStatus = (status: string) => sql(url, `UPDATE isva_query SET status = $1::"QueryStatus" WHERE id = $2`, [status, query.id]).then(() => {});
    await setStatus("NEW");
    duringRender = () => setStatus("IN_PROGRESS");
    expect((await get(path)).text).toContain(`<td>${query.reference}</td><td>IN_PROGRESS</td>`);
    await settled();
    duringRender = undefined;
    await setStatus("NEW");
    const before = renders;
    const after = await get(path);
    expect(renders - before).toBe(1);
    expect(after.text).toContain(`<td>${query.reference}</td><td>NEW</td>`);
  });

  it("keeps nothing but successful pages", async () => {
    await db.user.update({ where: { id: staff.id }, data: { roles: ["ISVA"] } });
    const { first, rendered } = await twice();
    expect(first.status).toBe(403);
    expect(rendered).toBe(1);
    await db.user.update({ where: { id: staff.id }, data: { roles: ["AREA_STAFF"] } });
  });

  it("leaves other pages, other methods and requests without a session alone", async () => {
    expect(memo.serve(Object.assign(new http.IncomingMessage(null as never), { method: "GET", url: "/staff/letters", headers: { cookie } }), null as never)).toBe(false);
    expect(memo.serve(Object.assign(new http.IncomingMessage(null as never), { method: "POST", url: "/staff/queries", headers: { cookie } }), null as never)).toBe(false);
    expect(memo.serve(Object.assign(new http.IncomingMessage(null as never), { method: "GET", url: "/staff/queries", headers: {} }), null as never)).toBe(false);
  });
});
