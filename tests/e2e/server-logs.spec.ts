// Runs after every other browser test (see playwright.config.ts): nothing the
// server logged may contain a password, an authenticator key, a token from an
// e-mailed link, or an e-mail address.
import fs from "node:fs";
import path from "node:path";
import { dataDir, demoAccounts } from "./accounts-helpers.ts";
import { expect, test } from "./fixtures.ts";

test("the server's logs hold no secrets and no e-mail addresses", async () => {
  const logs = fs.readFileSync(path.join(dataDir(), "server.log"), "utf8");
  expect(logs.length).toBeGreaterThan(0);
  const secrets = demoAccounts().flatMap((account) => [account.password, account.totpSecret]);
  const mailDir = path.join(dataDir(), "mail");
  const tokens = fs.existsSync(mailDir)
    ? fs.readdirSync(mailDir).flatMap((file) => [...fs.readFileSync(path.join(mailDir, file), "utf8").matchAll(/token=([A-Za-z0-9_-]{20,})/g)].map((m) => m[1]!))
    : [];
  expect(tokens.length).toBeGreaterThan(0);
  for (const secret of [...secrets, ...tokens]) expect(logs.includes(secret), "a secret is in the logs").toBe(false);
  expect(logs.match(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g) ?? []).toEqual([]);
});
