import { describe, expect, it } from "vitest";
import { describeError } from "~/utils/logger.server.ts";

describe("describeError", () => {
  it.each([
    ['invalid input syntax for type uuid: "a\r\nBcc: x@evil.example"', 'invalid input syntax for type uuid: "…"'],
    ["Unique constraint failed on the fields: (`email`) for someone@example.org", "Unique constraint failed on the fields: (`email`) for …@…"],
    ["The subject must be a single line.", "The subject must be a single line."],
  ])("keeps the values an error quotes out of its detail: %j", (message, detail) => {
    expect(describeError(new Error(message))).toEqual({ error: "Error", detail });
  });

  it("cuts a long message short", () => {
    expect(describeError(new TypeError("x".repeat(10_000))).detail).toHaveLength(300);
  });
});
