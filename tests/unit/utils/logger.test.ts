import { describe, expect, it } from "vitest";
import { describeError, log } from "~/utils/logger.server.ts";
import { captureStderr } from "../../setup/stderr.ts";

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

describe("log", () => {
  it("writes each entry as one JSON line with its time in UTC, so a line break in a value cannot forge another entry", () => {
    const lines = captureStderr(() => log.warn("access refused", { check: "role\n{\"level\":\"info\",\"message\":\"forged\"}" }));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith("\n")).toBe(true);
    expect(lines[0]!.slice(0, -1)).not.toContain("\n");
    const entry = JSON.parse(lines[0]!);
    expect(entry).toEqual({ time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), level: "warn", message: "access refused", check: 'role\n{"level":"info","message":"forged"}' });
  });
});
