// The text of a PDF, as a reader's PDF tool extracts it (pdfjs).
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export const normalise = (text: string) => text.replace(/\s+/g, " ").trim();

export async function pdfText(pdf: Uint8Array): Promise<{ pages: number; text: string }> {
  const document = await getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? " " : "") : "")).join(""));
    }
    return { pages: document.numPages, text: normalise(pages.join(" ")) };
  } finally {
    await document.destroy();
  }
}
