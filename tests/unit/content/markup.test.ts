import { describe, expect, it } from "vitest";
import { parseInline, plainText, resolveTarget } from "~/features/content/markup.ts";

describe("parseInline", () => {
  it("splits text, links and emphasis", () => {
    expect(parseInline("See [the glossary](page:glossary) and **be calm**.")).toEqual([
      { type: "text", text: "See " },
      { type: "link", text: "the glossary", target: "page:glossary" },
      { type: "text", text: " and " },
      { type: "strong", text: "be calm" },
      { type: "text", text: "." },
    ]);
  });

  it("leaves anything else, including HTML, as plain text", () => {
    expect(parseInline("<script>alert(1)</script> [broken](")).toEqual([
      { type: "text", text: "<script>alert(1)</script> [broken](" },
    ]);
  });

  it("gives the visible text without markup", () => {
    expect(plainText("An [ISVA](glossary:isva) can **help**.")).toBe("An ISVA can help.");
  });
});

describe("resolveTarget", () => {
  it.each([
    ["glossary:isva", "en", "/glossary#isva"],
    ["glossary:isva", "cy", "/cy/glossary#isva"],
    ["stage:trial", "cy", "/cy/walkthrough/trial"],
    ["topic:taking-data", "en", "/evidence/taking-data"],
    ["guide:anonymity", "cy", "/cy/guides/anonymity"],
    ["page:get-help", "cy", "/cy/get-help"],
    ["page:home", "cy", "/cy"],
  ] as const)("%s in %s goes to %s", (target, lang, href) => {
    expect(resolveTarget(target, lang)?.href).toBe(href);
  });

  it("keeps external links as they are and refuses unknown targets", () => {
    expect(resolveTarget("https://www.gov.uk/", "en")).toEqual({ kind: "external", href: "https://www.gov.uk/" });
    expect(resolveTarget("page:nowhere", "en")).toBeNull();
    expect(resolveTarget("javascript:alert(1)", "en")).toBeNull();
    expect(resolveTarget("http://insecure.example", "en")).toBeNull();
  });
});
