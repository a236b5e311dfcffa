// Runs after every other browser test (see playwright.config.ts): nothing the
// server logged may contain a password, an authenticator key, a token from an
// e-mailed link, an e-mail address, or the personal data other tests typed
// (listed by them, one per line, in personal-data-markers.txt).
import fs from "node:fs";
import path from "node:path";
import { dataDir, demoAccounts } from "./accounts-helpers.ts";
import { expect, test } from "./fixtures.ts";

/** Tokens of the e-mailed links (?token=… and a meeting link's path), from the decoded text of every message. */
async function mailedTokens() {
  const { simpleParser } = await import("mailparser");
  const mailDir = path.join(dataDir(), "mail");
  const files = fs.existsSync(mailDir) ? fs.readdirSync(mailDir).filter((file) => file.endsWith(".eml")) : [];
  const tokens: string[] = [];
  for (const file of files) {
    const text = (await simpleParser(fs.readFileSync(path.join(mailDir, file), "utf8"))).text ?? "";
    for (const match of text.matchAll(/token=([A-Za-z0-9_-]{20,})|\/respond\/([A-Za-z0-9_-]{20,})(?:\.[A-Za-z0-9_.-]+)?/g)) {
      tokens.push(match[1] ?? match[2]!);
    }
  }
  return tokens;
}

test("the server's logs hold no secrets, no e-mail addresses and no personal data typed in tests", async () => {
  const logs = fs.readFileSync(path.join(dataDir(), "server.log"), "utf8");
  expect(logs.length).toBeGreaterThan(0);
  const secrets = demoAccounts().flatMap((account) => [account.password, account.totpSecret]);
  const tokens = await mailedTokens();
  expect(tokens.length).toBeGreaterThan(0);
  for (const secret of [...secrets, ...tokens]) expect(logs.includes(secret), "a secret is in the logs").toBe(false);
  expect(logs.match(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g) ?? []).toEqual([]);
  const markersFile = path.join(dataDir(), "personal-data-markers.txt");
  const markers = fs.existsSync(markersFile) ? fs.readFileSync(markersFile, "utf8").split("\n").filter(Boolean) : [];
  for (const marker of markers) expect(logs.includes(marker), `"${marker}" is in the logs`).toBe(false);
});
