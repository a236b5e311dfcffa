import { describe, expect, it } from "vitest";
import { handleError } from "~/entry.server.tsx";
import { captureStderr } from "../../setup/stderr.ts";

describe("handleError", () => {
  it("logs an unexpected error as one JSON line, with its class and no value it quotes", () => {
    const lines = captureStderr(() => {
      handleError(new TypeError('invalid input syntax for type uuid: "jane.doe@example.org"'), { request: new Request("http://localhost/staff/queries") });
      const aborted = new AbortController();
      aborted.abort();
      handleError(new Error("the client went away"), { request: new Request("http://localhost/", { signal: aborted.signal }) });
    });
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      { time: expect.stringMatching(/Z$/), level: "error", message: "unexpected error", error: "TypeError", detail: 'invalid input syntax for type uuid: "…"' },
    ]);
  });
});
