// The offline cache. After one visit, the public guides (walkthrough, glossary,
// special-measures sheet, evidence explainer) in both languages, and what they
// need to display, are kept so they can be read with no connection. Only
// public pages are ever cached; nothing the reader types is.
// The few service-worker types used here (the project's DOM typings and the
// webworker ones cannot share a program).
type ExtendableEvent = Event & { waitUntil(promise: Promise<unknown>): void };
type FetchEvent = ExtendableEvent & { request: Request; respondWith(response: Promise<Response>): void };
type ServiceWorkerScope = {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: "install" | "activate", listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: FetchEvent) => void): void;
};
const worker = self as unknown as ServiceWorkerScope;

const PREFIX = "rasso-offline-";
type OfflineManifest = { version: string; urls: string[] };

worker.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const response = await fetch("/offline-manifest.json", { cache: "no-store" });
      const manifest = (await response.json()) as OfflineManifest;
      const cache = await caches.open(PREFIX + manifest.version);
      await cache.addAll(manifest.urls.map((url) => new Request(url, { cache: "reload" })));
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const current = await currentCacheName();
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== current) await caches.delete(name);
      }
      await worker.clients.claim();
    })(),
  );
});

async function currentCacheName() {
  const names = (await caches.keys()).filter((name) => name.startsWith(PREFIX));
  return names[names.length - 1];
}

worker.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== worker.location.origin) return;
  if (/^\/(isva|staff|healthz|offline-manifest)/.test(url.pathname)) return;

  if (url.pathname.startsWith("/build/")) {
    // Fingerprinted: a cached copy is always right.
    event.respondWith(caches.match(request).then((cached) => cached ?? fetch(request)));
    return;
  }
  event.respondWith(networkFirst(request));
});

async function networkFirst(request: Request) {
  try {
    const response = await fetch(request);
    const name = await currentCacheName();
    if (response.ok && name) {
      const cache = await caches.open(name);
      // Refresh pages that are already kept; never add others.
      if (await cache.match(request, { ignoreSearch: true })) await cache.put(request, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await caches.match(request, { ignoreSearch: true });
    if (cached) return cached;
    throw error;
  }
}

export {};
