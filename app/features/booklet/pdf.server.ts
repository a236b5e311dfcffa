// Renders a long-form guide as an A4 PDF booklet: a title page, then one part
// per chapter, each starting on a new page, with page numbers in the footer.
// The text stays real text in an embedded font (DejaVu Sans, which has the
// Welsh ŵ and ŷ), so it can be searched, copied and read aloud; the file is
// tagged (headings, paragraphs, lists) for assistive technology, and has
// bookmarks for every part and section.
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { parseInline, resolveTarget, type Block, type Body } from "~/features/content/markup.ts";
import type { Lang } from "~/features/i18n/languages.ts";

export type PdfSection = { heading: string; body: Body };

export type PdfPart = {
  heading: string;
  /** A short line above the heading, such as "Step 3". */
  kicker?: string;
  intro?: Body;
  sections: PdfSection[];
};

export type PdfDocument = {
  lang: Lang;
  title: string;
  subtitle?: string;
  parts: PdfPart[];
  /** The footer reads "{footerLabel} 3 {footerOf} 12", e.g. "Page 3 of 12" or "Tudalen 3 o 12". */
  footerLabel: string;
  footerOf: string;
  /** Stamped as the creation date; with it, the same input gives the same bytes. */
  createdAt?: Date;
  /**
   * A letter rather than a booklet: no title page; these lines (sender,
   * reference, date) head the first page, the parts follow on, and `endNote`
   * (such as "End of letter") closes it.
   */
  letterhead?: string[];
  endNote?: string;
};

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const require = createRequire(import.meta.url);
const FONT = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
const FONT_BOLD = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");

const MARGIN = 56;
const FOOTER_GAP = 20;
const TEXT_COLOUR = "#0b0c0c";
const MUTED_COLOUR = "#484949";
const RULE_COLOUR = "#b1b4b6";

const SIZE = { title: 26, subtitle: 14, part: 20, kicker: 12, section: 15, heading: 12.5, body: 11, footer: 9 };
const LINE_GAP = 3;
const PARAGRAPH_GAP = 8;
const LIST_INDENT = 18;
const INSET_INDENT = 16;
const INSET_RULE = 4;

export function renderPdf(input: PdfDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_GAP, left: MARGIN, right: MARGIN },
    font: FONT,
    bufferPages: true,
    autoFirstPage: false,
    pdfVersion: "1.7",
    tagged: true,
    displayTitle: true,
    lang: input.lang,
    info: {
      Title: input.title,
      ...(input.subtitle ? { Subject: input.subtitle } : {}),
      ...(input.createdAt ? { CreationDate: input.createdAt, ModDate: input.createdAt } : {}),
    },
  });

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  try {
    new Renderer(doc, input.lang).render(input);
    addFooters(doc, input);
    doc.end();
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  return done;
}

class Renderer {
  constructor(
    private readonly doc: Doc,
    private readonly lang: Lang,
  ) {}

  render(input: PdfDocument) {
    const { doc } = this;
    doc.lineGap(LINE_GAP);
    const root = doc.struct("Document");
    doc.addStructure(root);

    if (input.letterhead) {
      this.newPage();
      for (const line of input.letterhead) this.plain(root, "P", line, { font: FONT, size: SIZE.body, colour: MUTED_COLOUR });
      doc.moveDown(1);
      for (const part of input.parts) this.part(root, part);
      if (input.endNote) {
        doc.moveDown(1);
        this.plain(root, "P", input.endNote, { font: FONT_BOLD, size: SIZE.body });
      }
      root.end();
      return;
    }

    this.newPage();
    this.titlePage(root, input);

    for (const part of input.parts) {
      this.newPage();
      this.part(root, part);
    }
    root.end();
  }

  private get contentWidth() {
    const page = this.doc.page;
    return page.width - page.margins.left - page.margins.right;
  }

  private get left() {
    return this.doc.page.margins.left;
  }

  private newPage() {
    this.doc.addPage();
  }

  /** Starts a new page unless `height` more points fit above the footer. */
  private ensureSpace(height: number) {
    if (this.doc.y + height > this.doc.page.maxY()) this.newPage();
  }

  private lineHeight(size: number) {
    return this.doc.font(FONT).fontSize(size).currentLineHeight(true) + LINE_GAP;
  }

  private titlePage(root: Struct, input: PdfDocument) {
    const { doc } = this;
    doc.y = doc.page.height * 0.3;
    this.plain(root, "H1", input.title, { font: FONT_BOLD, size: SIZE.title });
    if (input.subtitle) {
      doc.moveDown(0.5);
      this.plain(root, "P", input.subtitle, { font: FONT, size: SIZE.subtitle, colour: MUTED_COLOUR });
    }
    doc.outline.addItem(input.title);
  }

  private part(root: Struct, part: PdfPart) {
    const { doc } = this;
    const sect = doc.struct("Sect");
    root.add(sect);

    if (part.kicker) {
      this.plain(sect, "P", part.kicker, { font: FONT, size: SIZE.kicker, colour: MUTED_COLOUR });
      doc.moveDown(0.2);
    }
    this.plain(sect, "H2", part.heading, { font: FONT_BOLD, size: SIZE.part });
    const bookmark = doc.outline.addItem(part.kicker ? `${part.kicker}: ${part.heading}` : part.heading);
    this.rule();

    if (part.intro?.length) this.body(sect, part.intro);

    for (const section of part.sections) {
      const inner = doc.struct("Sect");
      sect.add(inner);
      doc.moveDown(0.6);
      // Keep a heading with at least the first lines of what follows.
      this.ensureSpace(this.heightOf(section.heading, FONT_BOLD, SIZE.section, this.contentWidth) + 3 * this.lineHeight(SIZE.body));
      this.plain(inner, "H3", section.heading, { font: FONT_BOLD, size: SIZE.section });
      bookmark.addItem(section.heading);
      doc.moveDown(0.3);
      this.body(inner, section.body);
      inner.end();
    }
    sect.end();
  }

  private rule() {
    const { doc } = this;
    const y = doc.y + 4;
    doc.markContent("Artifact", { type: "Layout" });
    doc
      .save()
      .moveTo(this.left, y)
      .lineTo(this.left + this.contentWidth, y)
      .lineWidth(1)
      .strokeColor(RULE_COLOUR)
      .stroke()
      .restore();
    doc.endMarkedContent();
    doc.y = y + 14;
  }

  private body(parent: Struct, body: Body) {
    for (const block of body) this.block(parent, block);
  }

  private block(parent: Struct, block: Block) {
    const { doc } = this;
    const width = this.contentWidth;
    if (typeof block === "string") {
      this.ensureSpace(this.lineHeight(SIZE.body) * 2);
      this.rich(parent, "P", block, { x: this.left, width });
      doc.moveDown(PARAGRAPH_GAP / this.lineHeight(SIZE.body));
    } else if ("heading" in block) {
      doc.moveDown(0.3);
      this.ensureSpace(this.heightOf(block.heading, FONT_BOLD, SIZE.heading, width) + 2 * this.lineHeight(SIZE.body));
      this.plain(parent, "H4", block.heading, { font: FONT_BOLD, size: SIZE.heading });
      doc.moveDown(0.2);
    } else if ("list" in block) {
      this.list(parent, block.list, () => "•");
    } else if ("steps" in block) {
      this.list(parent, block.steps, (n) => `${n}.`);
    } else if ("inset" in block) {
      this.inset(parent, block.inset);
    } else {
      this.ensureSpace(this.lineHeight(SIZE.body) * 2);
      this.rich(parent, "P", block.warning, { x: this.left, width, bold: true });
      doc.moveDown(PARAGRAPH_GAP / this.lineHeight(SIZE.body));
    }
  }

  private list(parent: Struct, items: string[], label: (n: number) => string) {
    const { doc } = this;
    const list = doc.struct("L");
    parent.add(list);
    const bodyX = this.left + LIST_INDENT;
    const bodyWidth = this.contentWidth - LIST_INDENT;
    items.forEach((item, index) => {
      this.ensureSpace(this.lineHeight(SIZE.body) * 1.5);
      const li = doc.struct("LI");
      list.add(li);
      const top = doc.y;
      li.add(
        doc.struct("Lbl", {}, () => {
          doc.font(FONT).fontSize(SIZE.body).fillColor(TEXT_COLOUR);
          doc.text(label(index + 1), this.left + 2, top, { lineBreak: false });
        }),
      );
      doc.y = top;
      this.rich(li, "LBody", item, { x: bodyX, width: bodyWidth });
      li.end();
      doc.moveDown(2 / this.lineHeight(SIZE.body));
    });
    list.end();
    doc.moveDown((PARAGRAPH_GAP - 2) / this.lineHeight(SIZE.body));
  }

  private inset(parent: Struct, text: string) {
    const { doc } = this;
    const x = this.left + INSET_INDENT + INSET_RULE;
    const width = this.contentWidth - INSET_INDENT - INSET_RULE;
    const height = this.heightOf(this.visible(text), FONT, SIZE.body, width);
    // An inset short enough to fit on one page is never split, so its rule is one line.
    if (height < this.doc.page.maxY() - this.doc.page.margins.top) this.ensureSpace(height + 8);
    doc.moveDown(0.2);
    const startPage = this.currentPageIndex();
    const top = doc.y;
    this.rich(parent, "P", text, { x, width });
    const bottom = doc.y - LINE_GAP;
    if (this.currentPageIndex() === startPage) {
      doc.markContent("Artifact", { type: "Layout" });
      doc.save().rect(this.left, top - 2, INSET_RULE, bottom - top + 4).fill(RULE_COLOUR).restore();
      doc.endMarkedContent();
    }
    doc.x = this.left;
    doc.moveDown((PARAGRAPH_GAP + 6) / this.lineHeight(SIZE.body));
  }

  private currentPageIndex() {
    const { start, count } = this.doc.bufferedPageRange();
    return start + count - 1;
  }

  /** A run of text without inline markup, as one tagged element. */
  private plain(parent: Struct, tag: string, text: string, style: { font: string; size: number; colour?: string }) {
    const { doc } = this;
    const x = this.left;
    const width = this.contentWidth;
    parent.add(
      doc.struct(tag, {}, () => {
        doc
          .font(style.font)
          .fontSize(style.size)
          .fillColor(style.colour ?? TEXT_COLOUR);
        doc.text(text, x, doc.y, { width });
      }),
    );
    doc.font(FONT).fontSize(SIZE.body).fillColor(TEXT_COLOUR);
  }

  /** A paragraph with inline markup: **bold** in the bold face, links as their words. */
  private rich(parent: Struct, tag: string, source: string, options: { x: number; width: number; bold?: boolean }) {
    const { doc } = this;
    const runs = this.runs(source, options.bold ?? false);
    if (!runs.length) return;
    parent.add(
      doc.struct(tag, {}, () => {
        doc.fontSize(SIZE.body).fillColor(TEXT_COLOUR);
        runs.forEach((run, index) => {
          const continued = index < runs.length - 1;
          doc.font(run.bold ? FONT_BOLD : FONT);
          if (index === 0) doc.text(run.text, options.x, doc.y, { width: options.width, continued });
          else doc.text(run.text, { continued });
        });
      }),
    );
    doc.x = this.left;
    doc.font(FONT);
  }

  private runs(source: string, bold: boolean): Array<{ text: string; bold: boolean }> {
    return parseInline(source)
      .map((part) => {
        if (part.type === "strong") return { text: part.text, bold: true };
        if (part.type === "link") return { text: this.linkText(part.text, part.target), bold };
        return { text: part.text, bold };
      })
      .filter((run) => run.text.length > 0);
  }

  private linkText(text: string, target: string) {
    const resolved = resolveTarget(target, this.lang);
    return resolved?.kind === "external" ? `${text} (${resolved.href})` : text;
  }

  /** The text as printed, for measuring. */
  private visible(source: string) {
    return this.runs(source, false)
      .map((run) => run.text)
      .join("");
  }

  private heightOf(text: string, font: string, size: number, width: number) {
    const height = this.doc.font(font).fontSize(size).heightOfString(text, { width });
    this.doc.font(FONT).fontSize(SIZE.body);
    return height;
  }
}

function addFooters(doc: Doc, input: PdfDocument) {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    const page = doc.page;
    const bottom = page.margins.bottom;
    // Writing below the bottom margin would otherwise start a new page.
    page.margins.bottom = 0;
    const y = page.height - MARGIN + 4;
    const width = page.width - page.margins.left - page.margins.right;
    doc.markContent("Artifact", { type: "Pagination" });
    doc
      .font(FONT)
      .fontSize(SIZE.footer)
      .fillColor(MUTED_COLOUR)
      .text(`${input.footerLabel} ${index + 1} ${input.footerOf} ${count}`, page.margins.left, y, {
        width,
        align: "center",
        lineBreak: false,
      });
    doc.endMarkedContent();
    page.margins.bottom = bottom;
  }
}
