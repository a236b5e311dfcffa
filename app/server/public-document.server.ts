// A public page is a document: the same bytes for every reader and every
// request, like a file. Its body uses no nonce (it loads only scripts from the
// portal itself), so its policy allows scripts by source alone, and a repeat
// visit, or a CDN, can ask whether it changed with its entity tag (see
// docs/decisions/005-public-pages-as-documents.md).
import crypto from "node:crypto";

/**
 * A page's entity tag: a digest of its HTML. Weak, because the same HTML is
 * sent gzip- or brotli-compressed or as it is, and those bytes differ.
 */
export function documentTag(html: string | Buffer): string {
  return `W/"${crypto.createHash("sha256").update(html).digest("base64url").slice(0, 27)}"`;
}

/**
 * Whether an If-None-Match header names this tag (RFC 9110, 13.1.2: the weak
 * comparison, so W/ is ignored on both sides; "*" matches any current page).
 */
export function tagMatches(ifNoneMatch: string | string[] | null | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (value: string) => value.trim().replace(/^W\//, "");
  const wanted = opaque(tag);
  return String(ifNoneMatch)
    .split(",")
    .some((candidate) => candidate.trim() === "*" || opaque(candidate) === wanted);
}

/**
 * Whether a rendered page is a public document: marked public, and using no
 * nonce of this request's anywhere in its body. A page read from the database
 * is one too ("public, no-cache"): it is rendered on every visit, so that a
 * correction shows at once, and its tag spares the reader the bytes when
 * nothing changed.
 */
export function isPublicDocument(cacheControl: string | null, html: string, nonce: string): boolean {
  if (!cacheControl?.startsWith("public")) return false;
  return nonce === "" || !html.includes(nonce);
}
