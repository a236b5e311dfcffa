// Every form is read here: only URL-encoded bodies, with NUL characters and
// bidirectional controls removed and everything else kept.
import { describe, expect, it } from "vitest";
import { readForm } from "~/utils/read-form.server.ts";

const post = (body: string, type = "application/x-www-form-urlencoded") =>
  new Request("http://localhost/form", { method: "POST", headers: { "Content-Type": type }, body });

describe("readForm", () => {
  it("removes right-to-left overrides and isolates, so a name cannot be shown reversed", async () => {
    const form = await readForm(post(new URLSearchParams({ name: "Sam \u202Eevil\u202C Jones", ref: "\u2067AB/12\u2069" }).toString()));
    expect(form.get("name")).toBe("Sam evil Jones");
    expect(form.get("ref")).toBe("AB/12");
  });

  it("keeps right-to-left writing itself, and removes NUL characters", async () => {
    const form = await readForm(post(new URLSearchParams({ name: "سارة\0 שרה" }).toString()));
    expect(form.get("name")).toBe("سارة שרה");
  });

  it("refuses a body that is not a URL-encoded form (415)", async () => {
    await expect(readForm(post("{}", "application/json"))).rejects.toMatchObject({ status: 415 });
  });
});
