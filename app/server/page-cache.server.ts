// Public pages are documents (public-document.server.ts): the same for every
// reader, with no nonce in their body or their policy. So once rendered they
// are kept, compressed, and served again without rendering, byte for byte the
// same, with their entity tag: the same work a static file server does. Only a
// GET without a query string whose response was 200, carried a tag, was marked
// Cache-Control: public (and not no-cache: a page read from the database, such
// as the support services, is rendered each time), set no cookie and was HTML
// is kept. The cache lives as long as the process, which is as long as the
// content it was rendered from.
import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { NextFunction, Request, Response } from "express";
import { captureBody } from "./capture-body.server.ts";
import { acceptsEncoding } from "./encoding.server.ts";
import { tagMatches } from "./public-document.server.ts";
import { securityHeaderValues } from "./security.server.ts";

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** A response ready to send: its headers as one flat list of names and values, and its body. */
type Ready = { headers: string[]; body: Buffer };
type Entry = { tag: string; identity: Ready; gzip: Ready; br: Ready; notModified: string[] };

export class PublicPageCache {
  private entries = new Map<string, Entry>();

  constructor(
    private readonly options: { hsts: boolean; maxEntries?: number; host?: string },
  ) {}

  get size() {
    return this.entries.size;
  }

  private key(req: IncomingMessage): string | undefined {
    if (req.method !== "GET" && req.method !== "HEAD") return undefined;
    const url = req.url ?? "";
    if (!url.startsWith("/") || url.includes("?") || url.startsWith("/build/")) return undefined;
    const host = req.headers.host ?? "";
    if (this.options.host && host !== this.options.host) return undefined;
    return `${host}${url}`;
  }

  /** Answers from the cache when it can; false means "not cached, carry on". */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    const key = this.key(req);
    const entry = key ? this.entries.get(key) : undefined;
    if (!entry) return false;
    if (tagMatches(req.headers["if-none-match"], entry.tag)) {
      res.writeHead(304, entry.notModified);
      res.end();
      return true;
    }
    const accepts = req.headers["accept-encoding"];
    const ready = acceptsEncoding(accepts, "br") ? entry.br : acceptsEncoding(accepts, "gzip") ? entry.gzip : entry.identity;
    res.writeHead(200, ready.headers);
    res.end(req.method === "HEAD" ? undefined : ready.body);
    return true;
  }

  /** Express middleware that keeps eligible responses as they are sent. */
  capture() {
    return (req: Request, res: Response, next: NextFunction) => {
      const key = this.key(req);
      if (!key || this.entries.has(key)) return next();
      captureBody(res, (body) => void this.store(key, res, body));
      next();
    };
  }

  private async store(key: string, res: Response, identity: Buffer) {
    const cacheControl = String(res.getHeader("Cache-Control") ?? "");
    const contentType = String(res.getHeader("Content-Type") ?? "");
    const tag = res.getHeader("ETag");
    if (res.statusCode !== 200 || typeof tag !== "string" || !cacheControl.startsWith("public") || /\bno-cache\b/.test(cacheControl) || res.getHeader("Set-Cookie")) return;
    if (!contentType.startsWith("text/html") || identity.length === 0) return;
    const [gz, br] = await Promise.all([
      gzip(identity, { level: 9 }),
      brotli(identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
    ]);
    if (this.entries.size >= (this.options.maxEntries ?? 500)) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    // Every header but the date is the same on every response, so each
    // encoding's list is built once.
    const common = [
      ...Object.entries(securityHeaderValues(undefined, this.options.hsts)),
      ["Cache-Control", cacheControl],
      ["ETag", tag],
      ["Vary", "Accept-Encoding"],
    ].flat();
    const ready = (body: Buffer, encoding?: string): Ready => ({
      headers: [...common, "Content-Type", contentType, ...(encoding ? ["Content-Encoding", encoding] : []), "Content-Length", String(body.length)],
      body,
    });
    this.entries.set(key, { tag, identity: ready(identity), gzip: ready(gz, "gzip"), br: ready(br, "br"), notModified: common });
  }
}
