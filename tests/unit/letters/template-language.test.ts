import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkTemplate,
  type Lang,
  type LetterMeta,
  type LetterProblem,
  LetterRenderError,
  letterTop,
  parseTemplate,
  renderLetter,
  TemplateSyntaxError,
  toHtml,
  toPlainText,
} from "~/features/letters/template-language.ts";

const standard = {
  victim_name: { type: "text", required: true },
  reference: { type: "text", required: true },
  letter_date: { type: "date", required: true },
  area_name: { type: "text", required: true },
  contact_name: { type: "text", required: true },
  contact_phone: { type: "text", required: true },
} as const;

const example = {
  victim_name: "Sam",
  reference: "RASSO-2026-0042",
  letter_date: "2026-11-23",
  area_name: "CPS London South",
  contact_name: "Alex Jones",
  contact_phone: "020 7946 0000",
  decision_date: "2026-12-07",
  review_deadline: "2026-12-07",
  has_isva: true,
  isva_name: "Jo",
  days_to_ask: 10,
};

const meta: LetterMeta = {
  name: { en: "Decision not to charge", cy: "Penderfyniad i beidio â chyhuddo" },
  stage: "charging-decision",
  sender: { en: "The RASSO unit of the CPS Area", cy: "Uned RASSO Ardal y CPS" },
  placeholders: {
    ...standard,
    decision_date: { type: "date", required: true, description: "when the decision was made" },
    review_deadline: { type: "date", required: false },
    has_isva: { type: "boolean", required: true },
    isva_name: { type: "text", required: false },
    days_to_ask: { type: "number", required: true },
  },
  examples: [example],
};

const en = `
# We have made a decision about your case

Dear ((victim_name)),

We made our decision on ((decision_date)).
((if has_isva))Your ISVA will call you.((else))You can ask for an ISVA.((end))

## What you can do
((if review_deadline))
You can ask us to look again. Tell us by ((review_deadline)).
((end))
((if not review_deadline))
You cannot ask us to look again.
((end))

- You have ((days_to_ask)) days to ask.
- Call ((contact_name)) on ((contact_phone)).
((if isva_name))
- Your ISVA is ((isva_name)).
((end))
`;

const cy = `# Rydyn ni wedi gwneud penderfyniad am eich achos

Annwyl ((victim_name)),

Gwnaethon ni ein penderfyniad ar ((decision_date)).
((if has_isva))Bydd eich ISVA yn eich ffonio.((else))Gallwch ofyn am ISVA.((end))

## Beth gallwch chi ei wneud
((if review_deadline))
Gallwch ofyn i ni edrych eto. Dywedwch wrthon ni erbyn ((review_deadline)).
((else))
Allwch chi ddim gofyn i ni edrych eto.
((end))

- Mae gennych chi ((days_to_ask)) diwrnod i ofyn.
- Ffoniwch ((contact_name)) ar ((contact_phone)).
((if isva_name))
- Eich ISVA yw ((isva_name)).
((end))
`;

function renderProblems(source: string, values: Record<string, unknown>, lang: Lang = "en", letterMeta: LetterMeta = meta): LetterProblem[] {
  try {
    renderLetter(letterMeta, source, values, lang);
  } catch (error) {
    if (error instanceof LetterRenderError) return error.problems;
    throw error;
  }
  throw new Error("renderLetter did not fail");
}

function without(name: string): Record<string, unknown> {
  const values: Record<string, unknown> = { ...example };
  delete values[name];
  return values;
}

/** A minimal letter with only the standard placeholders and `extra` ones. */
function letter(extra: LetterMeta["placeholders"] = {}): LetterMeta {
  return { ...meta, placeholders: { ...standard, ...extra }, examples: [] };
}
const base = {
  victim_name: "Sam",
  reference: "R1",
  letter_date: "2026-11-23",
  area_name: "CPS Wales",
  contact_name: "Alex",
  contact_phone: "0300 000 0000",
};
const standardUses = "((victim_name)) ((contact_name)) ((contact_phone))";

describe("renderLetter", () => {
  it("renders the heading, sub-headings, joined paragraphs and lists", () => {
    expect(renderLetter(meta, en, example, "en")).toEqual({
      heading: "We have made a decision about your case",
      blocks: [
        { type: "paragraph", text: "Dear Sam," },
        { type: "paragraph", text: "We made our decision on Monday 7 December 2026. Your ISVA will call you." },
        { type: "heading", text: "What you can do" },
        { type: "paragraph", text: "You can ask us to look again. Tell us by Monday 7 December 2026." },
        { type: "list", items: ["You have 10 days to ask.", "Call Alex Jones on 020 7946 0000.", "Your ISVA is Jo."] },
      ],
    });
  });

  it("prints Welsh dates with Welsh day and month names", () => {
    const rendered = renderLetter(meta, cy, example, "cy");
    expect(rendered.blocks[1]).toEqual({
      type: "paragraph",
      text: "Gwnaethon ni ein penderfyniad ar dydd Llun 7 Rhagfyr 2026. Bydd eich ISVA yn eich ffonio.",
    });
    expect(letterTop(meta, example, "cy")).toEqual({
      senderBlock: ["Uned RASSO Ardal y CPS", "CPS London South"],
      reference: "RASSO-2026-0042",
      dateText: "Dydd Llun 23 Tachwedd 2026",
    });
    expect(letterTop(meta, example, "en").dateText).toBe("Monday 23 November 2026");
  });

  it.each([
    ["victim_name", "missing", undefined],
    ["letter_date", "missing", undefined],
    ["has_isva", "missing", undefined],
    ["days_to_ask", "missing", undefined],
    ["victim_name", "missing", ""],
    ["victim_name", "missing", "   "],
    ["victim_name", "missing", null],
    ["decision_date", "wrongType", "2026-02-30"],
    ["decision_date", "wrongType", "7 December 2026"],
    ["decision_date", "wrongType", "2026-12-7"],
    ["letter_date", "wrongType", 20261207],
    ["has_isva", "wrongType", "yes"],
    ["has_isva", "wrongType", 1],
    ["days_to_ask", "wrongType", "10"],
    ["days_to_ask", "wrongType", Number.NaN],
    ["days_to_ask", "wrongType", Number.POSITIVE_INFINITY],
    ["victim_name", "wrongType", 42],
    ["victim_name", "wrongType", { first: "Sam" }],
    ["victim_name", "wrongType", ["Sam"]],
    ["contact_phone", "wrongType", true],
    ["isva_name", "wrongType", 7],
  ])("fails loudly when %s is %s (%o)", (name, code, value) => {
    const values = without(name);
    if (value !== undefined) values[name] = value;
    for (const lang of ["en", "cy"] as const) {
      const problems = renderProblems(lang === "en" ? en : cy, values, lang);
      expect(problems).toEqual([expect.objectContaining({ code, name })]);
    }
  });

  it("does not repeat a value in its problem (values may be personal)", () => {
    const [problem] = renderProblems(en, { ...example, victim_name: 12345 });
    expect(problem!.message).not.toContain("12345");
    const [date] = renderProblems(en, { ...example, decision_date: "2026-02-30" });
    expect(date!.message).toContain("2026-02-30 is not");
  });

  it("lists every problem at once", () => {
    const problems = renderProblems(en, { ...without("victim_name"), has_isva: "yes", court: "Leeds" });
    expect(problems.map((problem) => [problem.code, problem.name])).toEqual([
      ["missing", "victim_name"],
      ["wrongType", "has_isva"],
      ["undeclaredValue", "court"],
    ]);
  });

  it.each([
    ["a value", `# News ((court_name))\n\n${standardUses}`, 1],
    ["a value in a list", `# News\n\n${standardUses}\n- At ((court_name)).`, 4],
    ["a condition", `# News\n\n${standardUses}\n((if in_court))\nYes.\n((end))`, 4],
    ["an inline condition", `# News\n\n${standardUses} ((if not in_court))No.((end))`, 3],
  ])("fails on an undeclared placeholder used as %s", (_, source, line) => {
    const problems = renderProblems(source, base, "en", letter());
    expect(problems).toEqual([expect.objectContaining({ code: "undeclared", line })]);
  });

  it("fails on a value for a placeholder that is not declared", () => {
    expect(renderProblems(en, { ...example, court_name: "Leeds" })).toEqual([
      expect.objectContaining({ code: "undeclaredValue", name: "court_name" }),
    ]);
    // An absent value is not a value.
    expect(() => renderLetter(meta, en, { ...example, court_name: undefined }, "en")).not.toThrow();
  });

  it("fails on a yes/no placeholder printed as a value", () => {
    const source = `# News\n\n${standardUses}\nISVA: ((has_isva))`;
    expect(renderProblems(source, { ...base, has_isva: true }, "en", letter({ has_isva: { type: "boolean", required: true } }))).toEqual([
      expect.objectContaining({ code: "booleanAsValue", name: "has_isva", line: 4 }),
    ]);
  });

  it("fails when an optional value that is not given would be printed, and tells the editor to wrap it", () => {
    const optional = letter({ court_name: { type: "text", required: false } });
    const source = `# News\n\n${standardUses}\nThe trial is at ((court_name)).`;
    const [problem, ...rest] = renderProblems(source, base, "en", optional);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: "unguarded", name: "court_name", line: 4 });
    expect(problem!.message).toContain("((if court_name))");
    expect(renderProblems(source, { ...base, court_name: "" }, "en", optional)).toEqual([expect.objectContaining({ code: "unguarded" })]);
    expect(renderLetter(optional, source, { ...base, court_name: "Leeds Crown Court" }, "en").blocks.at(-1)).toEqual({
      type: "paragraph",
      text: `Sam Alex 0300 000 0000 The trial is at Leeds Crown Court.`,
    });
  });

  it("wraps a syntax error as a LetterRenderError", () => {
    expect(renderProblems("Dear ((victim_name))", base, "en", letter())).toEqual([expect.objectContaining({ code: "syntax", line: 1 })]);
  });

  const conditional = letter({ flag: { type: "boolean", required: false }, note: { type: "text", required: false } });
  it.each([
    // template line, values, text
    ["A((if flag)) B((end)) C.", { flag: true }, "A B C."],
    ["A((if flag)) B((end)) C.", { flag: false }, "A C."],
    ["A((if flag)) B((end)) C.", {}, "A C."],
    ["((if flag))Yes.((else))No.((end))", { flag: true }, "Yes."],
    ["((if flag))Yes.((else))No.((end))", { flag: false }, "No."],
    ["((if not flag))Not set.((end))", { flag: false }, "Not set."],
    ["((if not flag))Not set.((end))", {}, "Not set."],
    ["((if not flag))Not set.((end)) Done.", { flag: true }, "Done."],
    ["Note: ((if note))((note))((else))none((end)).", { note: "call first" }, "Note: call first."],
    ["Note: ((if note))((note))((else))none((end)).", { note: "" }, "Note: none."],
    ["Note: ((if note))((note))((else))none((end)).", { note: "  " }, "Note: none."],
    ["((if note))\nNote: ((note)).\n((else))\nNo note.\n((end))", { note: "x" }, "Note: x."],
    ["((if note))\nNote: ((note)).\n((else))\nNo note.\n((end))", {}, "No note."],
    ["((if not flag))\nNot set.\n((end))\nAfter.", {}, "Not set. After."],
    ["((if not flag))\nNot set.\n((end))\nAfter.", { flag: true }, "After."],
    ["Before.\n((if flag))\nMiddle.\n((end))\nAfter.", { flag: true }, "Before. Middle. After."],
  ])("conditions: %j with %o gives %j", (line, values, text) => {
    const rendered = renderLetter(conditional, `# News\n${standardUses}\n\n${line}`, { ...base, ...values }, "en");
    expect(rendered.blocks.slice(1)).toEqual([{ type: "paragraph", text }]);
  });

  it("wraps whole sections, lists and sub-headings in conditions", () => {
    const source = `# News\n${standardUses}\n((if flag))\n## Your ISVA\n\n- Call them.\n- Or write.\n((else))\n## Support\n((end))`;
    expect(renderLetter(conditional, source, { ...base, flag: true }, "en").blocks.slice(1)).toEqual([
      { type: "heading", text: "Your ISVA" },
      { type: "list", items: ["Call them.", "Or write."] },
    ]);
    expect(renderLetter(conditional, source, base, "en").blocks.slice(1)).toEqual([{ type: "heading", text: "Support" }]);
  });

  it("keeps plain text that looks like HTML or Markdown as text", () => {
    const source = `# News <b>now</b>\n${standardUses}\n\n*Not bold* and <i>not italic</i> (see (this)).\n### Not a heading\n-not a bullet`;
    const rendered = renderLetter(letter(), source, base, "en");
    expect(rendered.heading).toBe("News <b>now</b>");
    expect(rendered.blocks[1]).toEqual({
      type: "paragraph",
      text: "*Not bold* and <i>not italic</i> (see (this)). ### Not a heading -not a bullet",
    });
  });

  it("formats numbers for the letter's language", () => {
    const numbered = letter({ days: { type: "number", required: true } });
    const source = `# News\n${standardUses}\n\n((days)) days`;
    expect(renderLetter(numbered, source, { ...base, days: 1500 }, "en").blocks[1]).toEqual({ type: "paragraph", text: "1,500 days" });
    expect(renderLetter(numbered, source, { ...base, days: 0 }, "cy").blocks[1]).toEqual({ type: "paragraph", text: "0 days" });
  });
});

describe("toHtml and toPlainText", () => {
  const hostile = `<script>alert("hi")</script> & 'Sam' > you`;

  it("escapes every value in HTML and keeps it literal in plain text", () => {
    const values = { ...example, victim_name: hostile, isva_name: "<b>Jo</b>" };
    const rendered = renderLetter(meta, en, values, "en");
    const top = { ...letterTop(meta, { ...values, reference: `R"1'<x>` }, "en"), lang: "en" as const };
    const html = toHtml(rendered, top);
    expect(html).toContain("<p>Dear &lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; &amp; &#39;Sam&#39; &gt; you,</p>");
    expect(html).toContain("<li>Your ISVA is &lt;b&gt;Jo&lt;/b&gt;.</li>");
    expect(html).toContain("Our reference: R&quot;1&#39;&lt;x&gt;");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<b>");

    const text = toPlainText(rendered, top);
    expect(text).toContain(`Dear ${hostile},`);
    expect(text).toContain("- Your ISVA is <b>Jo</b>.");
    expect(text).not.toContain("&lt;");
  });

  it("lays out HTML with semantic elements and the sender and reference at the top", () => {
    const rendered = renderLetter(meta, en, example, "en");
    const html = toHtml(rendered, letterTop(meta, example, "en"));
    expect(html).toBe(
      [
        `<article class="letter" lang="en">`,
        `<header class="letter-top">`,
        `<address class="letter-sender">The RASSO unit of the CPS Area<br>CPS London South</address>`,
        `<p class="letter-reference">Our reference: RASSO-2026-0042</p>`,
        `<p class="letter-date">Monday 23 November 2026</p>`,
        `</header>`,
        `<h1>We have made a decision about your case</h1>`,
        `<p>Dear Sam,</p>`,
        `<p>We made our decision on Monday 7 December 2026. Your ISVA will call you.</p>`,
        `<h2>What you can do</h2>`,
        `<p>You can ask us to look again. Tell us by Monday 7 December 2026.</p>`,
        `<ul>`,
        `<li>You have 10 days to ask.</li>`,
        `<li>Call Alex Jones on 020 7946 0000.</li>`,
        `<li>Your ISVA is Jo.</li>`,
        `</ul>`,
        `</article>`,
        ``,
      ].join("\n"),
    );
  });

  it("writes plain text with underlined headings and - bullets, in Welsh too, working out the review deadline itself", () => {
    const values = { ...example, review_deadline: undefined, isva_name: undefined, has_isva: false };
    const rendered = renderLetter(meta, cy, values, "cy");
    expect(toPlainText(rendered, { ...letterTop(meta, values, "cy"), lang: "cy" })).toBe(
      [
        "Uned RASSO Ardal y CPS",
        "CPS London South",
        "",
        "Ein cyfeirnod: RASSO-2026-0042",
        "Dydd Llun 23 Tachwedd 2026",
        "",
        "Rydyn ni wedi gwneud penderfyniad am eich achos",
        "===============================================",
        "",
        "Annwyl Sam,",
        "",
        "Gwnaethon ni ein penderfyniad ar dydd Llun 7 Rhagfyr 2026. Gallwch ofyn am ISVA.",
        "",
        "Beth gallwch chi ei wneud",
        "-------------------------",
        "",
        "Gallwch ofyn i ni edrych eto. Dywedwch wrthon ni erbyn dydd Llun 7 Rhagfyr 2026.",
        "",
        "- Mae gennych chi 10 diwrnod i ofyn.",
        "- Ffoniwch Alex Jones ar 020 7946 0000.",
        "",
      ].join("\n"),
    );
  });

  it("never lets a string value make markup (property)", () => {
    const textMeta = letter({ note: { type: "text", required: false } });
    const source = `# A letter for ((victim_name))\n\nDear ((victim_name)),\n((if note))\n## ((note))\n- ((note))\n((note))\n((end))\nCall ((contact_name)) on ((contact_phone)).`;
    const tricky = fc.string({ unit: fc.constantFrom("<", ">", '"', "'", "&", " ", "\n", "\u0000", "a", "(", ")", "#", "-", "/", "=") });
    // Now and then missing, so that failures are exercised too.
    const value = fc.option(fc.oneof(fc.string({ unit: "binary" }), tricky), { nil: undefined, freq: 12 });
    const known = /<\/?(?:article|header|address|p|h1|h2|ul|li)(?: (?:class|lang)="[a-z-]+")*>|<br>/g;
    fc.assert(
      fc.property(
        fc.record({ victim_name: value, reference: value, area_name: value, contact_name: value, contact_phone: value, note: value }),
        (strings) => {
          const values = { ...strings, letter_date: "2026-12-07" };
          let html: string;
          try {
            const rendered = renderLetter(textMeta, source, values, "en");
            const top = letterTop(textMeta, values, "en");
            html = toHtml(rendered, top);
            toPlainText(rendered, top);
          } catch (error) {
            expect(error).toBeInstanceOf(LetterRenderError);
            return;
          }
          const rest = html.replace(known, "");
          expect(rest).not.toMatch(/[<>"']/);
          expect(rest.replace(/&(?:amp|lt|gt|quot|#39);/g, "")).not.toContain("&");
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("parseTemplate", () => {
  it.each([
    ["", 1, "empty"],
    ["\n\n   \n", 1, "empty"],
    ["Dear ((victim_name))\n# News", 1, "start with its heading"],
    ["\n\n## Sub\n# News", 3, "start with its heading"],
    ["#News", 1, "start with its heading"],
    ["# ", 1, "heading is empty"],
    ["#   \nText", 1, "heading is empty"],
    ["# News\n\n# More news", 3, "more than one"],
    ["# News\n\n## ", 3, "sub-heading is empty"],
    ["# News\n\nDear ((Name))", 3, "not a tag"],
    ["# News\n\nDear ((victim name))", 3, "not a tag"],
    ["# News\n((if))\n((end))", 2, "cannot be used"],
    ["# News\n\n((foo bar))", 3, "not a tag"],
    ["# News\n\n((unless x))\n((end))", 3, "not a tag"],
    ["# News\n\n(( x ))", 3, "not a tag"],
    ["# News\n\nDear ((victim_name", 3, "not closed"],
    ["# News\n\n((else))", 3, "no ((if"],
    ["# News\n\n((end))", 3, "no ((if"],
    ["# News\nA ((else)) B", 2, "no ((if"],
    ["# News\n\n((if x))\nText\n\nMore", 3, "never closed"],
    ["# News\n((if x))\nA\n((if y))\nB\n((end))\n((end))", 4, "cannot be nested"],
    ["# News\n((if x))\nA ((if y))B((end))\n((end))", 3, "cannot be nested"],
    ["# News\nA ((if x))B ((if y))C((end))((end))", 2, "cannot be nested"],
    ["# News\nA ((if x))B\n((end))", 2, "same line"],
    ["# News\n((if x))\nA\n((else))\nB\n((else))\nC\n((end))", 6, "more than one ((else))"],
    ["# News\n((if x))\nA ((end))", 3, "line of its own"],
    ["# News ((if x))", 1, "same line"],
  ])("rejects %j at line %i", (source, line, text) => {
    let error: unknown;
    try {
      parseTemplate(source);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TemplateSyntaxError);
    expect((error as TemplateSyntaxError).line).toBe(line);
    expect((error as TemplateSyntaxError).message).toContain(`Line ${line}:`);
    expect((error as TemplateSyntaxError).message).toContain(text);
  });

  it("accepts Windows line ends, indentation and a run of brackets before a tag", () => {
    const ast = parseTemplate("\r\n  # News\r\n\r\n  Text (((victim_name)))\r\n");
    expect(ast.heading.line).toBe(2);
    expect(ast.body).toEqual([
      { type: "blank", line: 3 },
      {
        type: "line",
        kind: "text",
        line: 4,
        content: [
          { type: "text", text: "Text (" },
          { type: "value", name: "victim_name", line: 4 },
          { type: "text", text: ")" },
        ],
      },
      { type: "blank", line: 5 },
    ]);
  });

  it("never throws anything but TemplateSyntaxError (property)", () => {
    const piece = fc.constantFrom(
      "# News",
      "## Sub",
      "- item",
      "((if a))",
      "((if not a))",
      "((else))",
      "((end))",
      "((a))",
      "((",
      "))",
      "(((",
      "((if",
      "text",
      "<b>x</b>",
      "#",
      " ",
      "\n",
      "\r",
    );
    const template = fc.oneof(fc.string({ unit: "binary" }), fc.array(piece).map((pieces) => pieces.join("")));
    fc.assert(
      fc.property(template, (source) => {
        try {
          parseTemplate(source);
        } catch (error) {
          expect(error).toBeInstanceOf(TemplateSyntaxError);
          const line = (error as TemplateSyntaxError).line;
          expect(Number.isInteger(line) && line >= 1 && line <= source.split(/\r\n|\r|\n/).length).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("checkTemplate", () => {
  it("finds nothing wrong with a good letter", () => {
    expect(checkTemplate(meta, { en, cy })).toEqual([]);
  });

  const codes = (problems: LetterProblem[]) => problems.map(({ code, lang, name, line }) => ({ code, lang, name, line }));

  it("reports a placeholder declared but not used in one language, but not the ones printed at the top", () => {
    const cyWithoutDays = cy.replace("- Mae gennych chi ((days_to_ask)) diwrnod i ofyn.\n", "");
    expect(codes(checkTemplate(meta, { en, cy: cyWithoutDays }))).toEqual([{ code: "unused", lang: "cy", name: "days_to_ask", line: undefined }]);
    expect(en).not.toContain("((reference))");
    expect(en).not.toContain("((letter_date))");
  });

  it("reports undeclared placeholders, conditions on undeclared names and yes/no values printed", () => {
    const broken = en.replace("Dear ((victim_name)),", "Dear ((victim_name)), ((has_isva)) ((court))\n((if ((in_court))))");
    const problems = checkTemplate(meta, { en: `${en}\n((if in_court))\nX\n((end))\nAt ((court)). ((has_isva))`, cy });
    expect(codes(problems)).toEqual([
      { code: "undeclared", lang: "en", name: "in_court", line: 23 },
      { code: "undeclared", lang: "en", name: "court", line: 26 },
      { code: "booleanAsValue", lang: "en", name: "has_isva", line: 26 },
    ]);
    expect(problems[0]!.message).toContain("condition");
    expect(codes(checkTemplate(meta, { en: broken, cy }))).toEqual([{ code: "syntax", lang: "en", name: undefined, line: 5 }]);
  });

  it("reports syntax errors in each language with their lines", () => {
    const problems = checkTemplate(meta, { en: `${en}((end))`, cy: cy.replace("# Rydyn", "Rydyn") });
    expect(codes(problems)).toEqual([
      { code: "syntax", lang: "en", name: undefined, line: 22 },
      { code: "syntax", lang: "cy", name: undefined, line: 1 },
    ]);
  });

  it("reports examples with missing or wrongly typed values, or values for undeclared names", () => {
    const examples = [
      example,
      without("victim_name"),
      { ...example, decision_date: "2026-02-30", has_isva: "yes", days_to_ask: "10", isva_name: { first: "Jo" }, court: "Leeds" },
    ];
    const problems = checkTemplate({ ...meta, examples }, { en, cy });
    expect(codes(problems)).toEqual([
      { code: "missing", lang: undefined, name: "victim_name", line: undefined },
      { code: "wrongType", lang: undefined, name: "decision_date", line: undefined },
      { code: "wrongType", lang: undefined, name: "has_isva", line: undefined },
      { code: "wrongType", lang: undefined, name: "isva_name", line: undefined },
      { code: "wrongType", lang: undefined, name: "days_to_ask", line: undefined },
      { code: "undeclaredValue", lang: undefined, name: "court", line: undefined },
    ]);
    expect(problems[0]!.message).toMatch(/^Example 2: /);
    expect(problems[1]!.message).toMatch(/^Example 3: /);
  });

  it("renders each example and reports optional values printed without a condition", () => {
    const unguarded = en.replace("- Your ISVA is ((isva_name)).\n((end))", "((end))\n- ISVA: ((isva_name))");
    const problems = checkTemplate({ ...meta, examples: [example, { ...example, isva_name: undefined }] }, { en: unguarded, cy });
    expect(codes(problems)).toEqual([{ code: "unguarded", lang: "en", name: "isva_name", line: 21 }]);
    expect(problems[0]!.message).toMatch(/^Example 2: en\.txt: Line 21: .*\(\(if isva_name\)\)/);
  });

  it("reports letters without the standard placeholders, with bad declarations or without examples", () => {
    const { contact_phone: _, ...placeholders } = meta.placeholders;
    const problems = checkTemplate(
      {
        ...meta,
        placeholders: { ...placeholders, letter_date: { type: "text", required: true }, odd: { type: "colour" as "text", required: true } },
        examples: [],
      },
      { en: en.replaceAll("((contact_phone))", "0300"), cy: cy.replaceAll("((contact_phone))", "0300") },
    );
    expect(codes(problems)).toEqual([
      { code: "meta", lang: undefined, name: "odd", line: undefined },
      { code: "standard", lang: undefined, name: "letter_date", line: undefined },
      { code: "standard", lang: undefined, name: "contact_phone", line: undefined },
      { code: "noExamples", lang: undefined, name: undefined, line: undefined },
      { code: "unused", lang: "en", name: "odd", line: undefined },
      { code: "unused", lang: "cy", name: "odd", line: undefined },
    ]);
  });
});
