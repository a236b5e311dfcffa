/** @type {import('@remix-run/dev').AppConfig} */
export default {
  serverModuleFormat: "esm",
  serverPlatform: "node",
  serverBuildPath: "build/index.js",
  // The Express server is compiled with the app into one module graph.
  server: "./app/server/index.ts",
  assetsBuildDirectory: "public/build",
  publicPath: "/build/",
  // Tests and feature modules never become routes.
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}", "**/*.spec.{ts,tsx}", "**/*.css"],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    // Off: with it, every page render matched the route table once more for
    // each parent path, to send a partial manifest. The whole manifest costs
    // less (the benchmark's profile of the inbox: 24 ms of CPU a request with
    // it, 19 ms without).
    v3_lazyRouteDiscovery: false,
    v3_singleFetch: true,
  },
};
