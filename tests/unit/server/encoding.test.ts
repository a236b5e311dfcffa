import { describe, expect, it } from "vitest";
import { acceptsEncoding } from "~/server/encoding.server.ts";

describe("acceptsEncoding", () => {
  it.each([
    ["gzip, deflate, br", "gzip", true],
    ["gzip, deflate, br", "br", true],
    ["deflate", "gzip", false],
    ["", "gzip", false],
    [undefined, "gzip", false],
    ["gzip;q=0", "gzip", false],
    ["gzip; q=0.0, br", "gzip", false],
    ["GZIP;Q=0.5", "gzip", true],
    ["*", "br", true],
    ["*;q=0, gzip", "br", false],
    ["*;q=0, gzip", "gzip", true],
    ["br;q=0, *", "br", false],
    ["x-gzip", "gzip", false],
    ["gzip;q=abc", "gzip", false],
  ] as const)("%s accepts %s: %s", (header, coding, expected) => {
    expect(acceptsEncoding(header, coding)).toBe(expected);
  });
});
