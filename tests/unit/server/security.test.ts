import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isCrossSiteRequest } from "~/server/security.server.ts";

describe("contentSecurityPolicy", () => {
  it("allows scripts only from the portal and with the response's nonce", () => {
    const policy = contentSecurityPolicy("abc123");
    const directives = Object.fromEntries(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));
    expect(directives["script-src"]).toBe("'self' 'nonce-abc123'");
    expect(directives["object-src"]).toBe("'none'");
    expect(directives["base-uri"]).toBe("'none'");
    expect(directives["frame-ancestors"]).toBe("'none'");
    expect(directives["form-action"]).toBe("'self'");
    expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it("refuses style attributes, and style elements without the nonce", () => {
    const policy = contentSecurityPolicy("abc123");
    expect(policy).toContain("style-src 'self' 'nonce-abc123'");
    expect(policy).toContain("style-src-attr 'none'");
    expect(policy).not.toContain("unsafe-inline");
  });
});

describe("isCrossSiteRequest", () => {
  const host = "portal.example";
  it.each([
    ["GET", {}, false],
    ["GET", { "sec-fetch-site": "cross-site" }, false],
    ["POST", { "sec-fetch-site": "same-origin" }, false],
    ["POST", { "sec-fetch-site": "same-site" }, true],
    ["POST", { "sec-fetch-site": "cross-site" }, true],
    ["POST", { origin: "https://portal.example" }, false],
    ["POST", { origin: "https://evil.example" }, true],
    ["POST", { origin: "null" }, false],
    ["POST", { origin: "not a url" }, true],
    ["DELETE", { "sec-fetch-site": "cross-site", origin: "https://portal.example" }, true],
    ["POST", {}, false],
  ] as const)("%s with %j is cross-site: %s", (method, headers, expected) => {
    expect(isCrossSiteRequest(method, headers, host)).toBe(expected);
  });
});
