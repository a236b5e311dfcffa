import { describe, expect, it } from "vitest";
import { documentTag, isPublicDocument, tagMatches } from "~/server/public-document.server.ts";
import { contentSecurityPolicy } from "~/server/security.server.ts";

describe("documentTag", () => {
  it("is the same for the same page and differs when one character changes", () => {
    const page = "<!DOCTYPE html><html lang=\"cy\"><body><h1>Y treial</h1></body></html>";
    expect(documentTag(page)).toBe(documentTag(Buffer.from(page)));
    expect(documentTag(page)).not.toBe(documentTag(page.replace("treial", "Treial")));
    expect(documentTag(page)).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
  });
});

describe("tagMatches", () => {
  const tag = documentTag("<p>page</p>");
  it.each([
    [tag, true],
    [tag.slice(2), true],
    [`W/"other", ${tag}`, true],
    ["*", true],
    ['W/"other"', false],
    ["", false],
    [undefined, false],
  ])("If-None-Match %j matches: %s", (header, expected) => {
    expect(tagMatches(header, tag)).toBe(expected);
  });
});

describe("isPublicDocument", () => {
  const nonce = "bm9uY2Utb2YtdGhpcy1yZXF1ZXN0";
  it("is a public page whose body does not use the request's nonce", () => {
    expect(isPublicDocument("public, max-age=300", "<script src=\"/build/a.js\"></script>", nonce)).toBe(true);
    expect(isPublicDocument("public, no-cache", "<p>services</p>", nonce)).toBe(true);
  });
  it("is not a page that uses the nonce, nor one not marked public", () => {
    expect(isPublicDocument("public, max-age=300", `<script nonce="${nonce}">go()</script>`, nonce)).toBe(false);
    expect(isPublicDocument("no-store", "<p>inbox</p>", nonce)).toBe(false);
    expect(isPublicDocument(null, "<p>inbox</p>", nonce)).toBe(false);
  });
});

describe("contentSecurityPolicy without a nonce", () => {
  it("allows scripts and styles from the portal alone", () => {
    const policy = contentSecurityPolicy();
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("style-src 'self';");
    expect(policy).not.toMatch(/nonce|unsafe/);
  });
});
