import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
  }
  // Typed loader and action data under single fetch.
  interface Future {
    v3_singleFetch: true;
  }
}
