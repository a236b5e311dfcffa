import { describe, expect, it } from "vitest";
import { titleMeta } from "~/utils/meta.ts";

describe("titleMeta", () => {
  it("ends each title with the service's name in the page's language, from the root's data", () => {
    expect(titleMeta([{ id: "root", data: { serviceName: "Porth RASSO" } }], "Cwcis")).toEqual([{ title: "Cwcis – Porth RASSO" }]);
    expect(titleMeta([{ id: "root", data: { serviceName: "Porth RASSO" } }], undefined)).toEqual([{ title: "Porth RASSO" }]);
  });

  it("falls back to the English name without the root's data (an error page)", () => {
    expect(titleMeta([], "Page not found")).toEqual([{ title: "Page not found – RASSO portal" }]);
  });
});
