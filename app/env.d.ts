import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    /** The client's network address, for rate limits only (never logged or stored in the clear). */
    clientAddress: string;
  }
  // Typed loader and action data under single fetch.
  interface Future {
    v3_singleFetch: true;
  }
}
