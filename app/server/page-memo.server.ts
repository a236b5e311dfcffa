// Signed-in pages that people keep open and reload all day (an Area's inbox)
// are rendered again only when something they show has changed (decision 009).
//
// Every request still goes to the database: one statement checks the session
// and reads what the page shows, and returns a digest of it (see
// sessionDigestStatement). When an earlier rendering of the same address, for
// the same session, origin and day, was made from the same digest, it is sent
// again with a new CSP nonce spliced in; otherwise the request goes on to Remix
// as usual, and its answer is kept if the digest is still the same once it has
// been sent. A session that needs its last-seen time written, or is no longer
// usable, always goes on to Remix, so guards and redirects are never skipped.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { NextFunction, Request, Response } from "express";
import type pg from "pg";
import { sessionDigestStatement, sessionTokenFromCookies, TOUCH_MS } from "../features/auth/session.server.ts";
import { hashToken } from "../features/auth/tokens.server.ts";
import { todayInLondon } from "../features/dates/dates.ts";
import { captureBody } from "./capture-body.server.ts";
import { acceptsEncoding } from "./encoding.server.ts";
import { newNonce, securityHeaderValues } from "./security.server.ts";
import { SplicedDocument } from "./spliced-gzip.server.ts";

export type MemoPage = {
  /** A name for the page, also its prepared statement's. */
  name: string;
  /** The paths it answers, without the query string. */
  path: RegExp;
  /** The query-string parameters it reads, each at most once; an address with any other is not kept. */
  query: readonly string[];
  /** What the page shows: an SQL text expression over the user `u`, with parameters from $4 on. */
  contentSql: string;
  /** Those parameters, from the address's query string. */
  contentValues: (params: URLSearchParams, now: Date) => unknown[];
};

type Entry = {
  digest: string;
  status: number;
  headers: [string, string | string[]][];
  document: SplicedDocument;
  storedAt: number;
};

type Match = { page: MemoPage; sessionId: string; params: URLSearchParams };
type Pending = Match & { key: string; day: string; digest: string };

/** How long a rendering is kept at most (each is renewed at least once a minute while in use). */
const MAX_AGE_MS = 5 * 60 * 1000;
/** Memory for kept renderings, uncompressed and compressed together. */
const MAX_BYTES = 64 * 1024 * 1024;
const MAX_URL_CHARS = 300;
// Headers that belong to one response, not to the rendering.
const NOT_REPLAYED = new Set([
  "content-security-policy",
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "set-cookie",
  "connection",
  "keep-alive",
  "date",
  "etag",
  "vary",
]);

export class SignedInPageMemo {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private readonly pending = new WeakMap<IncomingMessage, Pending>();
  private readonly statements: Map<MemoPage, string>;
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly options: {
      pool: pg.Pool;
      pages: MemoPage[];
      hsts: boolean;
      maxEntries?: number;
      maxBytes?: number;
      now?: () => Date;
      onError?: (error: unknown) => void;
    },
  ) {
    this.statements = new Map(options.pages.map((page) => [page, sessionDigestStatement(page.contentSql)]));
    // Nothing outlives MAX_AGE_MS by much, even when no request comes.
    this.sweeper = setInterval(() => this.dropOld(), 60_000);
    this.sweeper.unref();
  }

  /** Forgets every rendering and stops the sweep. */
  close() {
    clearInterval(this.sweeper);
    for (const [key, entry] of this.entries) this.drop(key, entry);
  }

  private now() {
    return this.options.now?.() ?? new Date();
  }

  /** The page a request is for, if it is one that is kept. */
  private match(req: IncomingMessage): Match | undefined {
    if (req.method !== "GET") return undefined;
    const url = req.url ?? "";
    if (!url.startsWith("/") || url.length > MAX_URL_CHARS) return undefined;
    // A reload that bypasses caches (Cache-Control: no-cache) is rendered afresh.
    if (/no-cache|no-store/.test(String(req.headers["cache-control"] ?? ""))) return undefined;
    const [path, search = ""] = url.split(/\?(.*)/s, 2) as [string, string?];
    const page = this.options.pages.find((candidate) => candidate.path.test(path));
    if (!page) return undefined;
    const params = new URLSearchParams(search);
    const names = [...params.keys()];
    if (names.some((name, i) => !page.query.includes(name) || names.indexOf(name) !== i)) return undefined;
    const token = sessionTokenFromCookies(String(req.headers.cookie ?? ""));
    if (!token) return undefined;
    return { page, sessionId: hashToken(token), params };
  }

  private async digest({ page, sessionId, params }: Match, now: Date) {
    const utc = (date: Date) => date.toISOString().slice(0, -1);
    const { rows } = await this.options.pool.query<{ usable: boolean; digest: string | null }>({
      // Prepared once per connection: planning costs more than running it.
      name: `memo-${page.name}`,
      text: this.statements.get(page)!,
      values: [sessionId, utc(now), utc(new Date(now.getTime() - TOUCH_MS)), ...page.contentValues(params, now)],
    });
    return rows[0];
  }

  /**
   * Answers from a kept rendering when it can. False means "carry on": the
   * request goes to Remix, and `capture` keeps its answer if it may.
   */
  serve(req: IncomingMessage, res: ServerResponse): false | Promise<boolean> {
    const match = this.match(req);
    return match ? this.answer(req, res, match) : false;
  }

  private async answer(req: IncomingMessage, res: ServerResponse, match: Match) {
    const now = this.now();
    const day = todayInLondon(now);
    // The origin is in the page (its alternate-language links) when PUBLIC_URL is not set.
    const origin = ["host", "x-forwarded-host", "x-forwarded-proto"].map((name) => String(req.headers[name] ?? "")).join(" ");
    const key = `${match.sessionId}\n${origin}\n${day}\n${req.url}`;
    let state: Awaited<ReturnType<SignedInPageMemo["digest"]>>;
    try {
      state = await this.digest(match, now);
    } catch (error) {
      this.options.onError?.(error);
      return false;
    }
    if (!state?.digest) return false;
    const entry = this.entries.get(key);
    if (state.usable && entry && entry.digest === state.digest && now.getTime() - entry.storedAt < MAX_AGE_MS) {
      this.send(req, res, entry);
      return true;
    }
    if (entry) this.drop(key, entry);
    this.pending.set(req, { ...match, key, day, digest: state.digest });
    return false;
  }

  private send(req: IncomingMessage, res: ServerResponse, entry: Entry) {
    // Everything is worked out before the response is touched.
    const nonce = newNonce();
    const gzip = acceptsEncoding(req.headers["accept-encoding"], "gzip");
    const body = gzip ? entry.document.gzip(nonce) : entry.document.identity(nonce);
    const headers: Record<string, string | string[] | number> = Object.fromEntries(entry.headers);
    const fresh = { ...securityHeaderValues(nonce, this.options.hsts), Vary: "Accept-Encoding", "Content-Length": body.length };
    for (const [name, value] of Object.entries(fresh)) headers[name.toLowerCase()] = value;
    if (gzip) headers["content-encoding"] = "gzip";
    res.writeHead(entry.status, headers);
    res.end(body);
  }

  /** Express middleware that keeps a rendering of a request `serve` passed on. */
  capture() {
    return (req: Request, res: Response, next: NextFunction) => {
      const pending = this.pending.get(req);
      if (!pending) return next();
      this.pending.delete(req);
      captureBody(res, (body) => {
        this.store(pending, res, body).catch((error) => this.options.onError?.(error));
      });
      next();
    };
  }

  private async store(pending: Pending, res: Response, body: Buffer) {
    const nonce = res.locals.cspNonce as string | undefined;
    const contentType = String(res.getHeader("Content-Type") ?? "");
    if (res.statusCode !== 200 || res.getHeader("Set-Cookie") || !contentType.startsWith("text/html") || !nonce) return;
    // Kept only if nothing the page shows changed while it was being made.
    const now = this.now();
    if (todayInLondon(now) !== pending.day) return;
    const after = await this.digest(pending, now);
    if (!after || after.digest !== pending.digest) return;
    const document = SplicedDocument.split(body, nonce);
    // A page with no nonce in it is not one this knows how to send again.
    if (document.gaps === 0) return;
    const headers = Object.entries(res.getHeaders())
      .filter(([name, value]) => !NOT_REPLAYED.has(name) && value !== undefined)
      .map(([name, value]) => [name, Array.isArray(value) ? value : String(value)] as [string, string | string[]]);
    const entry: Entry = { digest: pending.digest, status: res.statusCode, headers, document, storedAt: now.getTime() };
    const previous = this.entries.get(pending.key);
    if (previous) this.drop(pending.key, previous);
    if (!this.makeRoom(weight(entry))) return;
    this.entries.set(pending.key, entry);
    this.bytes += weight(entry);
  }

  private drop(key: string, entry: Entry) {
    this.entries.delete(key);
    this.bytes -= weight(entry);
  }

  private dropOld() {
    const oldest = this.now().getTime() - MAX_AGE_MS;
    for (const [key, entry] of this.entries) {
      if (entry.storedAt < oldest) this.drop(key, entry);
    }
  }

  /** Drops old renderings, then the first kept, until there is room; false if there can be none. */
  private makeRoom(needed: number) {
    const maxEntries = this.options.maxEntries ?? 1_000;
    const maxBytes = this.options.maxBytes ?? MAX_BYTES;
    if (needed > maxBytes) return false;
    this.dropOld();
    for (const [key, entry] of this.entries) {
      if (this.entries.size < maxEntries && this.bytes + needed <= maxBytes) break;
      this.drop(key, entry);
    }
    return true;
  }
}

const weight = (entry: Entry) => entry.document.fixedBytes + entry.document.compressedBytes;
