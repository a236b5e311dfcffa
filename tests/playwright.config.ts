// Browser tests against the built production server on its embedded defaults,
// in Debian's Chromium (PLAYWRIGHT_CHROMIUM_PATH overrides the path).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.E2E_PORT ?? 3300);
const dataDir = process.env.E2E_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), "portal-e2e-"));
process.env.E2E_DATA_DIR = dataDir;

const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: path.join(root, "tests/e2e"),
  outputDir: path.join(root, "test-results"),
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // A journey signs in, visits several pages and runs axe on each: on a 2-CPU machine with two
  // workers that takes up to half a minute; longer journeys set their own limit.
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: "chromium",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
    trace: "retain-on-failure",
  },
  projects: [
    { name: "journeys", testIgnore: [/server-logs\.spec\.ts/, /instances\.spec\.ts/] },
    // Two instances of the built server on a database of their own (not the
    // server below): HTTP requests only, no browser.
    { name: "instances", testMatch: /instances\.spec\.ts/ },
    // Runs after every other test: searches what the server logged for secrets.
    { name: "logs", testMatch: /server-logs\.spec\.ts/, dependencies: ["journeys", "instances"] },
  ],
  webServer: {
    // The server's output is kept, so a test can prove it never logged a secret.
    command: `exec node build/index.js >> "${path.join(dataDir, "server.log")}" 2>&1`,
    cwd: root,
    url: `http://localhost:${port}/healthz`,
    timeout: 60_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "ignore",
    env: {
      NODE_ENV: "production",
      PORT: String(port),
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(port + 2000),
      LOG_REQUESTS: "off",
      DEMO_ACCOUNTS: "file",
    },
  },
});
