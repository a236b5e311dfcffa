import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..");

export default defineConfig({
  root,
  resolve: { alias: { "~": path.join(root, "app") } },
  plugins: [
    {
      // Stylesheets are built by `npm run build`, after the unit tests: a route
      // that links one gets its address as in the app, without the file.
      name: "built-stylesheets",
      enforce: "pre",
      resolveId: (id) => (/styles\/generated\/[\w-]+\.css$/.test(id) ? `\0built:${path.basename(id)}` : null),
      load: (id) => (id.startsWith("\0built:") ? `export default "/build/_assets/${id.slice(7)}";` : null),
    },
  ],
  test: {
    include: ["tests/unit/**/*.test.{ts,tsx}"],
    globalSetup: ["tests/setup/global-database.ts"],
    setupFiles: ["tests/setup/test-env.ts", "tests/setup/fail-on-console-error.ts"],
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
