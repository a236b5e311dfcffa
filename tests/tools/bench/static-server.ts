// A static server sending saved copies of the portal's pages: the yardstick
// for the portal's own speed. Each page's gzip form is written once, when it
// is saved, so the server does no work a request could spare it: nginx (where
// Debian's is installed) sends the .gz file with gzip_static, and compresses
// nothing as it goes; otherwise a minimal node:http server sends the same
// files from memory.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { HOST, SERVER_CPU, pinned, start, waitFor } from "./processes.ts";

const NGINX = "/usr/sbin/nginx";

export type SavedPage = { path: string; file: string; contentType: string; bytes: number };

/** Saves the HTML of each page that answers 200; the others are listed with their status. */
export async function savePages(portalUrl: string, paths: string[], dir: string) {
  const saved: SavedPage[] = [];
  const skipped: Array<{ path: string; status: number }> = [];
  const staticDir = path.join(dir, "static");
  fs.mkdirSync(staticDir, { recursive: true });
  for (const [index, pagePath] of paths.entries()) {
    const response = await fetch(`${portalUrl}${pagePath}`, {
      redirect: "manual",
      headers: { "accept-encoding": "identity" },
      signal: AbortSignal.timeout(10_000),
    });
    const body = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200) {
      skipped.push({ path: pagePath, status: response.status });
      continue;
    }
    const file = path.join(staticDir, `page-${index}.html`);
    fs.writeFileSync(file, body);
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
    saved.push({
      path: pagePath,
      file,
      contentType: response.headers.get("content-type") ?? "text/html; charset=utf-8",
      bytes: body.length,
    });
  }
  return { saved, skipped };
}

// Each saved page and its .gz file from memory, at the same path, with the
// portal's Content-Type, keep-alive on.
const NODE_STATIC_SERVER = `
const fs = require("node:fs");
const http = require("node:http");
const pages = new Map();
for (const page of JSON.parse(fs.readFileSync(process.env.BENCH_MANIFEST, "utf8"))) {
  pages.set(page.path, { type: page.contentType, body: fs.readFileSync(page.file), gzip: fs.readFileSync(page.file + ".gz") });
}
const server = http.createServer((req, res) => {
  const page = pages.get(req.url);
  if (!page) {
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("Not found");
    return;
  }
  const gzip = /\\bgzip\\b/.test(req.headers["accept-encoding"] || "");
  const body = gzip ? page.gzip : page.body;
  const headers = { "Content-Type": page.type, "Content-Length": body.length, Vary: "Accept-Encoding" };
  if (gzip) headers["Content-Encoding"] = "gzip";
  res.writeHead(200, headers);
  res.end(req.method === "HEAD" ? undefined : body);
});
server.keepAliveTimeout = 65000;
server.listen(Number(process.env.BENCH_PORT), process.env.BENCH_HOST);
process.on("SIGTERM", () => process.exit(0));
`;

function nginxConfig(prefix: string, port: number, pages: SavedPage[]) {
  const locations = pages
    .map(
      (page) =>
        `    location = ${page.path} {\n` +
        `      default_type "${page.contentType}";\n` +
        `      try_files /${path.basename(page.file)} =404;\n` +
        `    }`,
    )
    .join("\n");
  return `worker_processes 1;
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${prefix}/client_body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  types {}
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65s;
  keepalive_requests 1000000;
  gzip off;
  gzip_static on;
  gzip_vary on;
  server {
    listen ${HOST}:${port};
    root ${path.dirname(pages[0]!.file)};
${locations}
    location / { return 404; }
  }
}
`;
}

/** Starts the static server on the server CPU and waits until it answers. */
export async function startStaticServer(dir: string, port: number, pages: SavedPage[]) {
  let kind: string;
  let server: ReturnType<typeof start>;
  if (fs.existsSync(NGINX)) {
    const prefix = path.join(dir, "nginx");
    fs.mkdirSync(prefix, { recursive: true });
    const confFile = path.join(prefix, "nginx.conf");
    fs.writeFileSync(confFile, nginxConfig(prefix, port, pages));
    kind = "nginx (Debian), one worker, gzip_static (pages compressed once, in advance)";
    server = start("nginx", pinned(NGINX, ["-p", `${prefix}/`, "-c", confFile], SERVER_CPU));
  } else {
    const manifest = path.join(dir, "manifest.json");
    fs.writeFileSync(manifest, JSON.stringify(pages));
    const env = { ...process.env, BENCH_MANIFEST: manifest, BENCH_PORT: String(port), BENCH_HOST: HOST };
    kind = "minimal Node node:http server, pages compressed once, in advance (nginx is not installed)";
    server = start("the static server", pinned(process.execPath, ["-e", NODE_STATIC_SERVER], SERVER_CPU), { env });
  }
  await waitFor(`http://${HOST}:${port}${pages[0]!.path}`, server, 15_000);
  // nginx's master only hands connections to its worker: count both.
  return { kind, server, url: `http://${HOST}:${port}`, memoryTree: kind.startsWith("nginx") };
}
