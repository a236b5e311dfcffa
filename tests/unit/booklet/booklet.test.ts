import { beforeAll, describe, expect, it } from "vitest";
import { renderWalkthroughBooklet, type BookletSupport } from "~/features/booklet/walkthrough-booklet.server.ts";
import { evidence } from "~/features/evidence/content.server.ts";
import { GUIDE_IDS, guides } from "~/features/guides/content.server.ts";
import type { Lang } from "~/features/i18n/languages.ts";
import { STAGE_IDS, walkthrough } from "~/features/walkthrough/content.server.ts";
import { normalise, pdfText as extract } from "../../setup/pdf-text.ts";

type Extracted = { pages: number; text: string };

const rendered: Partial<Record<Lang, { pdf: Buffer } & Extracted>> = {};

beforeAll(async () => {
  for (const lang of ["en", "cy"] as const) {
    const pdf = await renderWalkthroughBooklet(lang);
    rendered[lang] = { pdf, ...(await extract(pdf)) };
  }
}, 60_000);

describe.each(["en", "cy"] as const)("the walkthrough booklet in %s", (lang) => {
  it("is a PDF of more than ten pages", () => {
    const { pdf, pages } = rendered[lang]!;
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pages).toBeGreaterThan(10);
  });

  it("has the title, every stage and the checklist as text", () => {
    const { text } = rendered[lang]!;
    const guide = walkthrough(lang);
    expect(text).toContain(normalise(guide.title));
    for (const id of STAGE_IDS) expect(text).toContain(normalise(guide.stages[id].title));
    expect(text).toContain(normalise(evidence(lang).checklist.title));
  });

  it("has every guide, after the stages", () => {
    const { text } = rendered[lang]!;
    const lastStage = text.indexOf(normalise(walkthrough(lang).stages["after-sentence"].summary));
    expect(lastStage).toBeGreaterThan(0);
    for (const id of GUIDE_IDS) {
      const guide = guides(lang).guides[id];
      expect(text).toContain(normalise(guide.title));
      expect(text.indexOf(normalise(guide.summary))).toBeGreaterThan(lastStage);
    }
  });

  it("is served from memory after the first render", async () => {
    expect(await renderWalkthroughBooklet(lang)).toBe(rendered[lang]!.pdf);
  });
});

describe("the Welsh booklet", () => {
  it("keeps Welsh letters in the extracted text", () => {
    const { text } = rendered.cy!;
    expect(walkthrough("cy").title).toContain("ôl");
    expect(text).toContain("ôl");
    expect(text).toContain("siŵr");
  });

  it("numbers its pages in Welsh", () => {
    expect(rendered.cy!.text).toContain("Tudalen 1 o");
    expect(rendered.en!.text).toContain("Page 1 of");
  });
});

describe("the support services in the booklet", () => {
  const support = (contact: string): BookletSupport => [
    { group: "deaf", services: [{ name: "Signing Helpline [test]", for: "Deaf **survivors**.", contact, url: "https://signing.example/" }] },
  ];

  it("lists each group's services after the guides, an administrator's text shown as typed", async () => {
    const pdf = await renderWalkthroughBooklet("en", support("Text 07700 900123."));
    const { text } = await extract(pdf);
    const services = text.indexOf(normalise("Specialist support for everyone"));
    expect(services).toBeGreaterThan(text.indexOf(normalise(walkthrough("en").stages["after-sentence"].summary)));
    expect(text).toContain("Signing Helpline (test) (https://signing.example/): Deaf *survivors*. Text 07700 900123.");
  }, 60_000);

  it("is rendered again when the services change, and kept while they do not", async () => {
    const before = await renderWalkthroughBooklet("en", support("Text 07700 900123."));
    expect(await renderWalkthroughBooklet("en", support("Text 07700 900123."))).toBe(before);
    const after = await renderWalkthroughBooklet("en", support("Text 07700 900456."));
    expect(after).not.toBe(before);
    expect((await extract(after)).text).toContain("Text 07700 900456.");
  }, 60_000);
});
