// Public pages are the same for every reader and carry no nonce in their body
// (only in the CSP header), so once rendered they are kept, compressed, and
// served again without rendering: the same work a static file server does.
// Only a GET without a query string whose response was 200, marked
// Cache-Control: public (and not no-cache: a page read from the database, such
// as the support services, is rendered each time), set no cookie and was HTML
// is kept. The cache lives
// as long as the process, which is as long as the content it was rendered from.
import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { NextFunction, Request, Response } from "express";
import { captureBody } from "./capture-body.server.ts";
import { acceptsEncoding } from "./encoding.server.ts";
import { newNonce, securityHeaderValues } from "./security.server.ts";

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

type Entry = { contentType: string; cacheControl: string; identity: Buffer; gzip: Buffer; br: Buffer };

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
    const accepts = req.headers["accept-encoding"];
    const [encoding, body] = acceptsEncoding(accepts, "br")
      ? (["br", entry.br] as const)
      : acceptsEncoding(accepts, "gzip")
        ? (["gzip", entry.gzip] as const)
        : ([undefined, entry.identity] as const);
    res.statusCode = 200;
    for (const [name, value] of Object.entries(securityHeaderValues(newNonce(), this.options.hsts))) {
      res.setHeader(name, value);
    }
    res.setHeader("Content-Type", entry.contentType);
    res.setHeader("Cache-Control", entry.cacheControl);
    res.setHeader("Vary", "Accept-Encoding");
    if (encoding) res.setHeader("Content-Encoding", encoding);
    res.setHeader("Content-Length", body.length);
    res.end(req.method === "HEAD" ? undefined : body);
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
    if (res.statusCode !== 200 || !cacheControl.startsWith("public") || /\bno-cache\b/.test(cacheControl) || res.getHeader("Set-Cookie")) return;
    if (!contentType.startsWith("text/html") || identity.length === 0) return;
    const [gz, br] = await Promise.all([
      gzip(identity, { level: 9 }),
      brotli(identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
    ]);
    if (this.entries.size >= (this.options.maxEntries ?? 500)) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(key, { contentType, cacheControl, identity, gzip: gz, br });
  }
}
