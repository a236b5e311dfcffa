// Security headers for every response, the cross-site request check that
// guards every form (see docs/decisions/002-sessions-and-csrf.md), and the
// limit on the size of a request's body.
import crypto from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { refusalPage } from "./refusal-page.server.ts";

/**
 * The policy for a page that may use this nonce. A public document uses none
 * (see public-document.server.ts): its scripts and styles are allowed by
 * source alone, so its headers are the same for every reader.
 */
export function contentSecurityPolicy(nonce?: string) {
  const allowed = nonce ? `'self' 'nonce-${nonce}'` : "'self'";
  return [
    "default-src 'self'",
    `script-src ${allowed}`,
    `style-src ${allowed}`,
    // No page is written with a style attribute; scripts may still set styles
    // through the DOM (react-aria's popover places itself that way).
    "style-src-attr 'none'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

export const PERMISSIONS_POLICY =
  "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), browsing-topics=()";

export function newNonce() {
  return crypto.randomBytes(16).toString("base64");
}

/** The headers every response carries, with this response's nonce if it may use one. */
export function securityHeaderValues(nonce: string | undefined, hsts: boolean): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(nonce),
    ...(hsts ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
  };
}

/**
 * Every response's security headers. The policy is set as the headers are
 * sent, with this request's nonce, unless the page has set its own: a public
 * document sets the one without a nonce.
 */
export function securityHeaders({ hsts }: { hsts: boolean }) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const nonce = newNonce();
    res.locals.cspNonce = nonce;
    const { "Content-Security-Policy": policy, ...others } = securityHeaderValues(nonce, hsts);
    for (const [name, value] of Object.entries(others)) res.setHeader(name, value);
    const writeHead = res.writeHead;
    res.writeHead = function (this: Response, ...args: Parameters<typeof writeHead>) {
      if (!this.hasHeader("Content-Security-Policy")) this.setHeader("Content-Security-Policy", policy!);
      return writeHead.apply(this, args);
    } as typeof writeHead;
    next();
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses state-changing requests that a browser says came from another site.
 * Sec-Fetch-Site is sent by every current browser, whatever the referrer
 * policy; Origin is the fallback (it is "null" under Referrer-Policy:
 * no-referrer, which tells us nothing). Forms behind sign-in also carry a
 * session-bound token, checked by the auth feature.
 */
export function isCrossSiteRequest(method: string, headers: Record<string, string | string[] | undefined>, host: string) {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const site = headers["sec-fetch-site"];
  if (typeof site === "string") return site !== "same-origin" && site !== "none";
  const origin = headers.origin;
  if (typeof origin === "string" && origin !== "null") {
    try {
      return new URL(origin).host !== host;
    } catch {
      return true;
    }
  }
  return false;
}

export function crossSiteGuard() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (isCrossSiteRequest(req.method, req.headers, req.headers.host ?? "")) {
      res.status(403).type("text/plain").send("Cross-site requests are not accepted.");
      return;
    }
    // Under Referrer-Policy: no-referrer browsers send "Origin: null" even on
    // same-origin posts. This check has decided; an opaque origin tells Remix's
    // own origin check nothing, so it is dropped rather than refused there.
    if (req.headers.origin === "null") delete req.headers.origin;
    next();
  };
}

/**
 * The largest form is a letter's English and Welsh text, 20,000 characters
 * each: percent-encoded, three-byte characters take nine bytes apiece.
 */
/** A request refused before the application sees it: the translated refusal page, never stored. */
function sendRefusal(res: Response, status: 405 | 411 | 413, path: string) {
  res.status(status).type("text/html").set("Cache-Control", "no-store").send(refusalPage(status, path));
}

/** The methods a page may be asked with; the application answers the rest of these itself. */
const KNOWN_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/**
 * Refuses (405) a method no page takes and the application could not even
 * read, such as TRACE (which would echo the request back) or CONNECT.
 */
export function methodGuard() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (KNOWN_METHODS.has(req.method)) return next();
    sendRefusal(res.set("Allow", "GET, HEAD, POST"), 405, req.path);
  };
}

export const MAX_BODY_BYTES = 512 * 1024;

/** Up to this much of a body refused as too large is read and dropped; beyond it, the connection is closed. */
const DRAIN_MAX_BYTES = 16 * 1024 * 1024;

/**
 * Refuses a body larger than any form needs before a byte of it is parsed
 * (413), and one sent in chunks with no length given (411: browsers always
 * give the length of a form). A client reads the answer once it has sent its
 * body, so a refused body of up to 16 MiB is read and dropped; the connection
 * is closed instead after a larger one, and after a chunked one, whose end
 * may never come.
 *
 * A body within the limit that was not read to its end (a request refused
 * before its form was read) is read and dropped after the answer: otherwise
 * the connection would wait for it, and never take its next request.
 */
export function bodyLimit(maxBytes = MAX_BODY_BYTES) {
  return (req: Request, res: Response, next: NextFunction) => {
    const refuse = (status: 411 | 413, close: boolean) => {
      if (close) res.set("Connection", "close");
      sendRefusal(res, status, req.path);
    };
    if (req.headers["transfer-encoding"] !== undefined) return void refuse(411, true);
    const length = Number(req.headers["content-length"] ?? 0);
    if (length > maxBytes) return void refuse(413, length > DRAIN_MAX_BYTES);
    res.on("finish", () => {
      if (req.complete) return;
      req.removeAllListeners("data");
      req.resume();
    });
    next();
  };
}
