import crypto from "node:crypto";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { SplicedDocument } from "~/server/spliced-gzip.server.ts";

const MARK = "NONCE-AT-RENDER-TIME";

function page(rows: number) {
  const body = Array.from({ length: rows }, (_, i) => `<tr><td>Q-${i}</td><td>Wales</td></tr>`).join("\n");
  return `<!DOCTYPE html><html><head><meta name="csp-nonce" nonce="${MARK}"></head><body>${body}<script nonce="${MARK}">window.x=1</script></body></html>`;
}

describe("SplicedDocument", () => {
  it.each([
    ["a page with two gaps", page(200)],
    ["a value at the very start and end", `${MARK}middle${MARK}`],
    ["gaps side by side", `a${MARK}${MARK}b`],
    ["no gap", "<p>nothing to replace</p>"],
    ["an empty document", ""],
    ["text beyond ASCII", `Cymraeg: ŵ ŷ “dyfyniad” ${MARK} — ✓`],
  ])("gives a gzip stream that any decoder reads as the document with the new value: %s", (_name, text) => {
    const doc = SplicedDocument.split(Buffer.from(text), MARK);
    for (let i = 0; i < 3; i++) {
      const value = crypto.randomBytes(16).toString("base64");
      const expected = text.split(MARK).join(value);
      expect(doc.identity(value).toString()).toBe(expected);
      expect(zlib.gunzipSync(doc.gzip(value)).toString()).toBe(expected);
    }
  });

  it("counts its gaps", () => {
    expect(SplicedDocument.split(Buffer.from(page(3)), MARK).gaps).toBe(2);
    expect(SplicedDocument.split(Buffer.from("plain"), MARK).gaps).toBe(0);
  });

  it("compresses a page about as well as compressing it whole", () => {
    const text = page(2_000);
    const whole = zlib.gzipSync(text).length;
    const spliced = SplicedDocument.split(Buffer.from(text), MARK).gzip("x".repeat(24)).length;
    expect(spliced).toBeLessThan(whole * 1.05 + 64);
  });

  it("refuses a value too long for one stored block", () => {
    expect(() => SplicedDocument.split(Buffer.from(`a${MARK}b`), MARK).gzip("x".repeat(70_000))).toThrow(RangeError);
  });

  it("keeps a value that is not in the document out of it", () => {
    const doc = SplicedDocument.split(Buffer.from(page(5)), MARK);
    expect(zlib.gunzipSync(doc.gzip("fresh")).toString()).not.toContain(MARK);
  });
});
