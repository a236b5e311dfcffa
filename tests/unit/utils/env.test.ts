import { describe, expect, it } from "vitest";
import { ConfigError, isLocalMode, parseEnv } from "~/utils/env.server.ts";

const KEY = Buffer.alloc(32, 7).toString("base64");
const SECRET = "s".repeat(40);

function problems(source: Record<string, string>) {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("parseEnv", () => {
  it("gives working defaults with nothing set (local mode)", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.NODE_ENV).toBe("development");
    expect(env.OUTBOX_LEASE_MS).toBe(60_000);
    expect(isLocalMode(env)).toBe(true);
  });

  it("treats empty variables as unset", () => {
    expect(parseEnv({ PORT: "", DATABASE_URL: "" }).PORT).toBe(3000);
  });

  it.each([
    [{ PORT: "eighty" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DATABASE_URL: "mysql://db/portal", PUBLIC_URL: "https://portal.example" }, "DATABASE_URL"],
    [{ SMTP_URL: "http://mail" }, "SMTP_URL"],
    [{ ENCRYPTION_KEY: "too-short" }, "ENCRYPTION_KEY"],
    [{ SESSION_SECRET: "short" }, "SESSION_SECRET"],
    [{ PUBLIC_URL: "not a url" }, "PUBLIC_URL"],
    [{ OUTBOX_LEASE_MS: "soon" }, "OUTBOX_LEASE_MS"],
    [{ OUTBOX_LEASE_MS: "500" }, "OUTBOX_LEASE_MS"],
  ])("names the malformed variable: %j", (source, name) => {
    const found = problems(source);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^${name}: `));
  });

  it("names every problem at once", () => {
    expect(problems({ PORT: "x", SMTP_URL: "ftp://x" }).map((p) => p.split(":")[0]).sort()).toEqual(["PORT", "SMTP_URL"]);
  });

  it("refuses production with an external database but no secrets, naming each", () => {
    const found = problems({ NODE_ENV: "production", DATABASE_URL: "postgresql://db/portal" });
    expect(found.map((p) => p.split(":")[0]).sort()).toEqual(["ENCRYPTION_KEY", "PUBLIC_URL", "SESSION_SECRET", "SMTP_URL"]);
    expect(found.every((p) => p.endsWith("required in production"))).toBe(true);
  });

  it("needs PUBLIC_URL whenever a real database is used, so links never follow the Host header", () => {
    expect(problems({ DATABASE_URL: "postgresql://db/portal" })).toEqual(["PUBLIC_URL: required when DATABASE_URL is set"]);
    expect(problems({ DATABASE_URL: "postgresql://db/portal", PUBLIC_URL: "https://portal.example" })).toEqual([]);
  });

  it("accepts a complete production configuration", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://db/portal",
      SESSION_SECRET: SECRET,
      ENCRYPTION_KEY: KEY,
      SMTP_URL: "smtp://relay:25",
      PUBLIC_URL: "https://portal.example",
      PORT: "8080",
    });
    expect(env.PORT).toBe(8080);
    expect(isLocalMode(env)).toBe(false);
  });
});
