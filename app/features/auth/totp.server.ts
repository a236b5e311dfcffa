// Time-based one-time passwords (RFC 6238) for two-step sign-in: SHA-1, six
// digits, 30-second steps, which is what every authenticator app supports.
import crypto from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";

export const TOTP_ISSUER = "RASSO portal";
const PERIOD_SECONDS = 30;
const DIGITS = 6;
// One step either side allows for a phone clock that is a little out and for
// a code typed just as it changes.
const WINDOW = 1;

function totpFor(secret: string, account = "", issuer = TOTP_ISSUER): TOTP {
  return new TOTP({
    issuer,
    label: account,
    algorithm: "SHA1",
    digits: DIGITS,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

function timestamp(now: Date | number): number {
  return typeof now === "number" ? now : now.getTime();
}

/** A new 160-bit secret (RFC 4226's recommended length), base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri({ secret, account, issuer = TOTP_ISSUER }: { secret: string; account: string; issuer?: string }): string {
  return totpFor(secret, account, issuer).toString();
}

/**
 * The URI as a QR code in SVG, for inline use. The content security policy
 * forbids inline styles and scripts, so any that appear are removed or refused.
 */
export async function totpQrSvg(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 4 });
  const cleaned = svg.replace(/\s+style\s*=\s*("[^"]*"|'[^']*')/giu, "");
  if (/<script|\son[a-z]+\s*=|<style|javascript:/iu.test(cleaned)) {
    throw new Error("The QR code SVG contains script or style content.");
  }
  return cleaned;
}

/** The 30-second step a moment falls in: what the caller stores as lastStep. */
export function totpStep(now: Date | number = new Date()): number {
  return Math.floor(timestamp(now) / 1000 / PERIOD_SECONDS);
}

/** The code an authenticator shows at a moment, for tests and demo data. */
export function currentTotp(secret: string, now: Date | number = new Date()): string {
  return totpFor(secret).generate({ timestamp: timestamp(now) });
}

export type TotpResult = { ok: true; step: number } | { ok: false };

/**
 * Checks a code against the current step and one either side. Steps at or
 * before lastStep are refused, so each code works once: store the returned
 * step as the new lastStep. Spaces in the code are ignored.
 */
export function verifyTotp({
  secret,
  code,
  lastStep = null,
  now = new Date(),
}: {
  secret: string;
  code: string;
  lastStep?: number | null;
  now?: Date | number;
}): TotpResult {
  // NFKC turns full-width digits from some phone keyboards into ASCII ones.
  const digits = code.normalize("NFKC").replace(/\s+/gu, "");
  if (!/^[0-9]{6}$/u.test(digits)) return { ok: false };
  const totp = totpFor(secret);
  const current = totpStep(now);
  const given = Buffer.from(digits);
  let matched: number | null = null;
  // Every candidate step is compared, in constant time, so timing does not
  // reveal which step (if any) matched.
  for (let step = current - WINDOW; step <= current + WINDOW; step++) {
    const expected = Buffer.from(totp.generate({ timestamp: step * PERIOD_SECONDS * 1000 }));
    const same = crypto.timingSafeEqual(expected, given);
    if (same && (lastStep === null || step > lastStep) && matched === null) matched = step;
  }
  return matched === null ? { ok: false } : { ok: true, step: matched };
}
