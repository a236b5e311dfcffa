// The Express application: security headers, compression, static assets,
// health check, and Remix for everything else.
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import type { Db } from "../utils/db.server.ts";
import { describeError, log } from "../utils/logger.server.ts";
import { PublicPageCache } from "./page-cache.server.ts";
import { bodyLimit, crossSiteGuard, methodGuard, securityHeaders } from "./security.server.ts";

type Options = {
  build: ServerBuild;
  db: Db;
  publicDir: string;
  hsts: boolean;
  /** The public host (from PUBLIC_URL): only its pages are kept in the page cache. */
  publicHost?: string;
  /** Proxies in front of the portal whose forwarded client address is trusted (for rate limits). */
  trustProxy?: number;
};

export function createApp({ build, db, publicDir, hsts, publicHost, trustProxy = 0 }: Options) {
  const pageCache = new PublicPageCache({ hsts, host: publicHost });
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxy);
  app.set("etag", false);

  app.use(securityHeaders({ hsts }));
  // First, so every refusal (a method, a cross-site post, a body too large) is in the log.
  app.use(requestLog());
  app.use(methodGuard());
  app.use(compression());

  // Fingerprinted build output never changes under the same name.
  app.use(
    "/build",
    express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y", index: false }),
  );
  app.use(express.static(publicDir, { maxAge: "1h", index: false }));

  app.get("/healthz", async (_req, res) => {
    try {
      await db.$queryRaw`SELECT 1`;
      res.set("Cache-Control", "no-store").json({ status: "ok" });
    } catch (error) {
      log.error("health check failed", describeError(error));
      res.status(503).set("Cache-Control", "no-store").json({ status: "unavailable" });
    }
  });

  // Anything a route has not marked public is never stored by a cache. Set at
  // the last moment, so it never sits beside a route's own Cache-Control.
  app.use((_req, res, next) => {
    const writeHead = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
      if (!this.hasHeader("Cache-Control")) this.setHeader("Cache-Control", "no-store");
      return writeHead.apply(this, args);
    } as typeof writeHead;
    next();
  });
  app.use(crossSiteGuard());
  app.use(bodyLimit());
  app.use(pageCache.capture());

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV === "production" ? "production" : "development",
      getLoadContext: (req, res) => ({
        cspNonce: res.locals.cspNonce as string,
        clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
      }),
    }),
  );
  // Cached public pages are answered before Express is involved at all.
  // Signed-in pages are always rendered afresh (decision 010).
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const started = process.hrtime.bigint();
    if (pageCache.serve(req, res)) return logRequest(req, res, started);
    app(req, res);
  };
  return { app, handle, pageCache };
}

// A path can carry a secret (a meeting link's token) or what someone typed
// into the address: long segments, and any with an "@", are left out.
const LOGGED_SEGMENT_MAX_CHARS = 40;

export function loggedPath(path: string) {
  return path
    .split("/")
    .map((segment) => (segment.length > LOGGED_SEGMENT_MAX_CHARS || /@|%40/i.test(segment) ? "…" : segment))
    .join("/")
    .slice(0, 200);
}

// Method, route path, status and time only: never query strings or bodies.
function requestLog() {
  return (req: express.Request, res: express.Response, next: express.NextFunction) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => logRequest(req, res, started));
    next();
  };
}

function logRequest(req: IncomingMessage, res: ServerResponse, started: bigint) {
  if (res.statusCode < 400 && process.env.LOG_REQUESTS !== "on") return;
  log.info("request", {
    method: req.method,
    path: loggedPath((req.url ?? "").split("?", 1)[0]!),
    status: res.statusCode,
    ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
  });
}
