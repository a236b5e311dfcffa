import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { provideStrings } from "~/features/i18n/i18n.ts";
import { LANGUAGES } from "~/features/i18n/languages.ts";
import { uiStrings } from "~/features/i18n/resources.server.ts";
import { endInsideHtml } from "~/server/document-end.server.ts";
import { documentTag, isPublicDocument, tagMatches } from "~/server/public-document.server.ts";
import { contentSecurityPolicy } from "~/server/security.server.ts";
import { describeError, log } from "~/utils/logger.server.ts";
import { NonceProvider } from "~/utils/nonce.tsx";

// Every page's strings are there before the first render, including an error
// page drawn without the root's data (after an action refuses a request).
for (const lang of LANGUAGES) provideStrings(lang, uiStrings(lang));

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  // Everyone gets the whole document at once: pages are small, and a complete
  // document is what a CDN, a printer and the offline cache all want. It is
  // collected before it is sent, so it can end inside </html>.
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          shellRendered = true;
          const chunks: Buffer[] = [];
          const collect = new Writable({
            write(chunk: Buffer, _encoding, done) {
              chunks.push(chunk);
              done();
            },
            final(done) {
              responseHeaders.set("Content-Type", "text/html; charset=utf-8");
              const html = endInsideHtml(Buffer.concat(chunks).toString("utf8"));
              // A public page is a document: the same response for every
              // reader, with a tag that a repeat visit can send back. The
              // answer to a form is not: it holds what was sent.
              if (responseStatusCode === 200 && (request.method === "GET" || request.method === "HEAD") && !responseHeaders.has("Set-Cookie") && isPublicDocument(responseHeaders.get("Cache-Control"), html, nonce)) {
                const tag = documentTag(html);
                responseHeaders.set("ETag", tag);
                responseHeaders.set("Content-Security-Policy", contentSecurityPolicy());
                if (tagMatches(request.headers.get("If-None-Match"), tag)) {
                  resolve(new Response(null, { headers: responseHeaders, status: 304 }));
                  return done();
                }
              }
              resolve(new Response(html, { headers: responseHeaders, status: responseStatusCode }));
              done();
            },
          });
          pipe(collect);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) log.error("rendering failed", describeError(error));
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/** Unexpected errors go through the portal's logger, which keeps personal data out. */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  log.error("unexpected error", describeError(error));
}
