import { describe, expect, it } from "vitest";
import { loggedPath } from "~/server/app.server.ts";

describe("loggedPath", () => {
  it.each([
    ["/staff/queries/Q-9MDT-P7HG", "/staff/queries/Q-9MDT-P7HG"],
    ["/staff/letters/pre-trial-meeting-confirmation/v/2", "/staff/letters/pre-trial-meeting-confirmation/v/2"],
    [`/pre-trial-meeting/respond/${"a".repeat(43)}.abc123.${"b".repeat(43)}`, "/pre-trial-meeting/respond/…"],
    ["/isva/queries/someone@example.org", "/isva/queries/…"],
    ["/isva/queries/someone%40example.org", "/isva/queries/…"],
  ])("logs %s as %s", (path, logged) => {
    expect(loggedPath(path)).toBe(logged);
  });

  it("cuts a long path short", () => {
    expect(loggedPath("/a".repeat(500))).toHaveLength(200);
  });
});
