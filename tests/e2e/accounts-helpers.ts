// Helpers for journeys behind sign-in: demo accounts, e-mail the portal wrote,
// and authenticator codes.
import fs from "node:fs";
import path from "node:path";
import { Secret, TOTP } from "otpauth";
import { expect, type Page } from "@playwright/test";

export type DemoAccount = { email: string; password: string; totpSecret: string; roles: string[]; areaId?: string };

export function dataDir() {
  const dir = process.env.E2E_DATA_DIR;
  if (!dir) throw new Error("E2E_DATA_DIR is not set");
  return dir;
}

export function demoAccounts(): DemoAccount[] {
  return JSON.parse(fs.readFileSync(path.join(dataDir(), "demo-accounts.json"), "utf8"));
}

export function demo(email: string) {
  const account = demoAccounts().find((a) => a.email === email);
  if (!account) throw new Error(`No demo account ${email}`);
  return account;
}

/**
 * A code for the authenticator key that has not been used yet: each code works
 * once, so when this step's code was used (by any test worker), wait for the
 * next step. Used steps are kept in a file, under a lock, shared by workers.
 */
export async function freshCode(secret: string) {
  const totp = new TOTP({ secret: Secret.fromBase32(secret.replace(/\s+/g, "")), digits: 6, period: 30, algorithm: "SHA1" });
  const step = await withLock(() => {
    const file = path.join(dataDir(), "used-totp-steps.json");
    const used: Record<string, number> = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
    const next = Math.max(Math.floor(Date.now() / 30_000), (used[secret] ?? -1) + 1);
    used[secret] = next;
    fs.writeFileSync(file, JSON.stringify(used));
    return next;
  });
  const wait = step * 30_000 + 200 - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  return totp.generate({ timestamp: step * 30_000 + 1000 });
}

async function withLock<T>(work: () => T): Promise<T> {
  const lock = path.join(dataDir(), "totp.lock");
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  try {
    return work();
  } finally {
    fs.rmdirSync(lock);
  }
}

export async function signIn(page: Page, account: { email: string; password: string; totpSecret: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail address").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByLabel("Security code").fill(await freshCode(account.totpSecret));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** The newest e-mail the portal wrote to an address, waiting for the outbox worker. */
export async function latestMailTo(address: string, timeoutMs = 15_000): Promise<{ subject: string; text: string }> {
  const dir = path.join(dataDir(), "mail");
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".eml")).sort().reverse() : [];
    for (const file of files) {
      const raw = fs.readFileSync(path.join(dir, file), "utf8");
      if (new RegExp(`^To: .*${address.replace(/[.+]/g, "\\$&")}`, "mi").test(raw)) {
        const { simpleParser } = await import("mailparser");
        const parsed = await simpleParser(raw);
        return { subject: parsed.subject ?? "", text: parsed.text ?? "" };
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`No e-mail to ${address}`);
}

export function linkIn(text: string, pathPrefix: string) {
  const match = text.match(new RegExp(`https?://[^\\s]+${pathPrefix.replace(/[?]/g, "\\?")}[^\\s]*`));
  if (!match) throw new Error(`No ${pathPrefix} link in the e-mail`);
  const url = new URL(match[0]);
  return `${url.pathname}${url.search}`;
}
