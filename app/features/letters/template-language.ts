// The letters' template language (see templates/letters/*/en.txt and cy.txt):
//
//   # Heading that says the news          (first non-empty line, exactly one)
//   ## Sub-heading
//   Paragraph lines, joined; blank lines separate paragraphs.
//   - list item
//   ((name))                               inserts a value (as text, never HTML)
//   ((if name)) … ((else)) … ((end))       a condition, on lines of its own
//   ((if not name)) … ((end))              (wraps whole lines) or inside one line
//
// Nothing else is interpreted, conditions do not nest, and a template can never
// run code. Rendering fails loudly, before anything is produced, when a value is
// missing or of the wrong type or a placeholder is not declared. Pure: the
// editors' live preview runs it in the browser.
import { makeDate } from "~/features/dates/dates.ts";
import { formatLongDate } from "~/features/dates/format.ts";
import { withDerivedDeadlines } from "./deadlines.ts";

export type Lang = "en" | "cy";
export type PlaceholderType = "text" | "date" | "boolean" | "number";
/**
 * `needed_when` names a yes/no placeholder: when that one is yes, this value
 * is required too (the sentence, say, once "sentenced" is yes). `only_when`
 * names one without which this value must be left out (or no, for a yes/no).
 * Either may be written "not name": while that one is not yes.
 */
export type PlaceholderSpec = { type: PlaceholderType; required: boolean; description?: string; needed_when?: string; only_when?: string };
/**
 * Yes/no placeholders of which exactly one must be yes: always, or only while
 * one of `when` is yes (and then none may be yes otherwise). This is how a
 * letter says which of several outcomes it is about.
 */
export type ChoiceGroup = { names: string[]; when?: string[] };
export type LetterMeta = {
  name: { en: string; cy: string };
  stage: string;
  sender: { en: string; cy: string };
  placeholders: Record<string, PlaceholderSpec>;
  choose_one?: ChoiceGroup[];
  examples: Record<string, unknown>[];
};

export type LetterProblem = { code: string; lang?: Lang; name?: string; line?: number; message: string };

export type LetterBlock = { type: "paragraph"; text: string } | { type: "heading"; text: string } | { type: "list"; items: string[] };
export type RenderedLetter = { heading: string; blocks: LetterBlock[] };
export type LetterTop = { senderBlock: string[]; reference: string; dateText: string };

// The syntax tree.
export type InlineLeaf = { type: "text"; text: string } | { type: "value"; name: string; line: number };
export type InlineIf = { type: "if"; name: string; negated: boolean; then: InlineLeaf[]; otherwise: InlineLeaf[]; line: number };
export type InlineNode = InlineLeaf | InlineIf;
export type LineNode =
  | { type: "line"; kind: "subheading" | "item" | "text"; content: InlineNode[]; line: number }
  | { type: "blank"; line: number };
export type BlockIf = { type: "if"; name: string; negated: boolean; then: LineNode[]; otherwise: LineNode[]; line: number };
export type TemplateAst = { heading: { content: InlineNode[]; line: number }; body: (LineNode | BlockIf)[] };

export class TemplateSyntaxError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(`Line ${line}: ${message}`);
    this.name = "TemplateSyntaxError";
    this.line = line;
  }
}

export class LetterRenderError extends Error {
  readonly problems: LetterProblem[];
  constructor(problems: LetterProblem[]) {
    super(`The letter cannot be made:\n${problems.map((problem) => `- ${problem.message}`).join("\n")}`);
    this.name = "LetterRenderError";
    this.problems = problems;
  }
}

/** The placeholders every letter declares, all required. */
export const STANDARD_PLACEHOLDERS: Readonly<Record<string, PlaceholderType>> = {
  victim_name: "text",
  reference: "text",
  letter_date: "date",
  area_name: "text",
  contact_name: "text",
  contact_phone: "text",
};

/** Printed at the top of every letter by the renderer, so the body need not use them. */
export const PRINTED_AT_TOP: readonly string[] = ["reference", "letter_date", "area_name"];


const PLACEHOLDER_TYPES: readonly string[] = ["text", "date", "boolean", "number"];
const NAME = /^[a-z][a-z0-9_]*$/;
const RESERVED = new Set(["if", "not", "else", "end"]);
const TAG_FORMS = "((name)), ((if name)), ((if not name)), ((else)) and ((end))";

// ---------------------------------------------------------------------------
// Parsing

type Tag =
  | { type: "value"; name: string }
  | { type: "if"; name: string; negated: boolean }
  | { type: "else" }
  | { type: "end" };

type Piece = { type: "text"; text: string } | { type: "tag"; tag: Tag; source: string };

function parseTag(inner: string, line: number): Tag {
  const checkName = (name: string) => {
    if (RESERVED.has(name)) throw new TemplateSyntaxError(line, `"${name}" cannot be used as a placeholder name.`);
    return name;
  };
  if (inner === "else") return { type: "else" };
  if (inner === "end") return { type: "end" };
  let match = /^if not ([a-z][a-z0-9_]*)$/.exec(inner);
  if (match) return { type: "if", name: checkName(match[1]!), negated: true };
  match = /^if ([a-z][a-z0-9_]*)$/.exec(inner);
  if (match) return { type: "if", name: checkName(match[1]!), negated: false };
  if (NAME.test(inner)) return { type: "value", name: checkName(inner) };
  const shown = inner.length > 40 ? `${inner.slice(0, 40)}…` : inner;
  throw new TemplateSyntaxError(
    line,
    `((${shown})) is not a tag this language knows. The tags are ${TAG_FORMS}; names use lower-case letters, digits and _.`,
  );
}

/** Splits one line into text and tags. A tag starts at the last "(" of a run of them. */
function splitLine(text: string, line: number): Piece[] {
  const pieces: Piece[] = [];
  let rest = text;
  for (;;) {
    let start = rest.indexOf("((");
    while (start !== -1 && rest[start + 2] === "(") start += 1;
    if (start === -1) {
      if (rest) pieces.push({ type: "text", text: rest });
      return pieces;
    }
    const end = rest.indexOf("))", start + 2);
    if (end === -1) throw new TemplateSyntaxError(line, `"((" is not closed with "))" on the same line.`);
    if (start > 0) pieces.push({ type: "text", text: rest.slice(0, start) });
    pieces.push({ type: "tag", tag: parseTag(rest.slice(start + 2, end), line), source: rest.slice(start, end + 2) });
    rest = rest.slice(end + 2);
  }
}

function describeCondition(tag: { name: string; negated: boolean }): string {
  return `((if ${tag.negated ? "not " : ""}${tag.name}))`;
}

function parseInline(pieces: Piece[], line: number, openBlock: BlockIf | null): InlineNode[] {
  const nodes: InlineNode[] = [];
  let open: InlineIf | null = null;
  let inElse = false;
  for (const piece of pieces) {
    const target: InlineNode[] = open ? (inElse ? open.otherwise : open.then) : nodes;
    if (piece.type === "text") {
      target.push({ type: "text", text: piece.text });
      continue;
    }
    const tag = piece.tag;
    if (tag.type === "value") {
      target.push({ type: "value", name: tag.name, line });
    } else if (tag.type === "if") {
      if (open) {
        throw new TemplateSyntaxError(line, `${describeCondition(tag)} is inside ${describeCondition(open)}. Conditions cannot be nested.`);
      }
      if (openBlock) {
        throw new TemplateSyntaxError(
          line,
          `${describeCondition(tag)} is inside ${describeCondition(openBlock)} from line ${openBlock.line}. Conditions cannot be nested.`,
        );
      }
      open = { type: "if", name: tag.name, negated: tag.negated, then: [], otherwise: [], line };
      inElse = false;
      nodes.push(open);
    } else if (!open) {
      const word = tag.type === "else" ? "((else))" : "((end))";
      throw new TemplateSyntaxError(
        line,
        openBlock
          ? `${word} for ${describeCondition(openBlock)} from line ${openBlock.line} must be on a line of its own.`
          : `${word} has no ((if …)) before it.`,
      );
    } else if (tag.type === "else") {
      if (inElse) throw new TemplateSyntaxError(line, `${describeCondition(open)} has more than one ((else)).`);
      inElse = true;
    } else {
      open = null;
      inElse = false;
    }
  }
  if (open) {
    throw new TemplateSyntaxError(
      line,
      `${describeCondition(open)} is not closed with ((end)) on the same line. To wrap whole lines, put ${describeCondition(open)} and ((end)) on lines of their own.`,
    );
  }
  return nodes;
}

/** The syntax tree of a letter template; throws TemplateSyntaxError (with its line) when the template is not well formed. */
export function parseTemplate(source: string): TemplateAst {
  const lines = source.split(/\r\n|\r|\n/);
  let heading: TemplateAst["heading"] | null = null;
  const body: (LineNode | BlockIf)[] = [];
  let block: BlockIf | null = null;
  let blockInElse = false;

  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    const text = raw.trim();
    if (!heading) {
      if (!text) continue;
      if (!/^#(\s|$)/.test(text)) {
        throw new TemplateSyntaxError(line, `The letter must start with its heading, a line that starts with "# ".`);
      }
      const content = parseInline(splitLine(text.slice(1).trim(), line), line, null);
      if (!content.length) throw new TemplateSyntaxError(line, `The "# " heading is empty.`);
      heading = { content, line };
      continue;
    }
    const pieces = splitLine(text, line);
    const target: LineNode[] = block ? (blockInElse ? block.otherwise : block.then) : (body as LineNode[]);

    // A condition tag on a line of its own wraps whole lines.
    const only = pieces.length === 1 && pieces[0]!.type === "tag" ? pieces[0]!.tag : null;
    if (only && only.type !== "value") {
      if (only.type === "if") {
        if (block) {
          throw new TemplateSyntaxError(
            line,
            `${describeCondition(only)} is inside ${describeCondition(block)} from line ${block.line}. Conditions cannot be nested.`,
          );
        }
        block = { type: "if", name: only.name, negated: only.negated, then: [], otherwise: [], line };
        blockInElse = false;
        body.push(block);
      } else if (!block) {
        throw new TemplateSyntaxError(line, `${only.type === "else" ? "((else))" : "((end))"} has no ((if …)) before it.`);
      } else if (only.type === "else") {
        if (blockInElse) throw new TemplateSyntaxError(line, `${describeCondition(block)} from line ${block.line} has more than one ((else)).`);
        blockInElse = true;
      } else {
        block = null;
        blockInElse = false;
      }
      continue;
    }

    if (!text) {
      target.push({ type: "blank", line });
      continue;
    }
    if (/^#(\s|$)/.test(text)) {
      throw new TemplateSyntaxError(line, `There is more than one "# " heading (the first is on line ${heading.line}). Use "## " for sub-headings.`);
    }
    let kind: "subheading" | "item" | "text" = "text";
    let content = text;
    if (/^##(\s|$)/.test(text)) {
      kind = "subheading";
      content = text.slice(2).trim();
      if (!content) throw new TemplateSyntaxError(line, `The "## " sub-heading is empty.`);
    } else if (/^-\s/.test(text)) {
      kind = "item";
      content = text.slice(1).trim();
    }
    target.push({ type: "line", kind, content: parseInline(splitLine(content, line), line, block), line });
  }

  if (!heading) throw new TemplateSyntaxError(1, `The template is empty: it must start with a "# " heading.`);
  if (block) throw new TemplateSyntaxError(block.line, `${describeCondition(block)} is never closed with ((end)).`);
  return { heading, body };
}

// ---------------------------------------------------------------------------
// What a template uses

export type PlaceholderUse = { name: string; as: "value" | "condition"; line: number };

function inlineUses(nodes: InlineNode[], uses: PlaceholderUse[]) {
  for (const node of nodes) {
    if (node.type === "value") uses.push({ name: node.name, as: "value", line: node.line });
    else if (node.type === "if") {
      uses.push({ name: node.name, as: "condition", line: node.line });
      inlineUses(node.then, uses);
      inlineUses(node.otherwise, uses);
    }
  }
}

function lineUses(nodes: (LineNode | BlockIf)[], uses: PlaceholderUse[]) {
  for (const node of nodes) {
    if (node.type === "line") inlineUses(node.content, uses);
    else if (node.type === "if") {
      uses.push({ name: node.name, as: "condition", line: node.line });
      lineUses(node.then, uses);
      lineUses(node.otherwise, uses);
    }
  }
}

/** Every ((name)) and condition in a template, in order. */
export function placeholderUses(ast: TemplateAst): PlaceholderUse[] {
  const uses: PlaceholderUse[] = [];
  inlineUses(ast.heading.content, uses);
  lineUses(ast.body, uses);
  return uses;
}

function templateProblems(meta: LetterMeta, ast: TemplateAst, lang?: Lang): LetterProblem[] {
  const problems: LetterProblem[] = [];
  const seen = new Set<string>();
  for (const use of placeholderUses(ast)) {
    const key = `${use.as}:${use.name}:${use.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const spec = Object.hasOwn(meta.placeholders, use.name) ? meta.placeholders[use.name] : undefined;
    const where = { lang, name: use.name, line: use.line };
    if (!spec) {
      problems.push({
        code: "undeclared",
        ...where,
        message:
          use.as === "value"
            ? `Line ${use.line}: ((${use.name})) is not declared in meta.json.`
            : `Line ${use.line}: the condition on "${use.name}" uses a placeholder that is not declared in meta.json.`,
      });
    } else if (use.as === "value" && spec.type === "boolean") {
      problems.push({
        code: "booleanAsValue",
        ...where,
        message: `Line ${use.line}: ((${use.name})) is a yes/no value: use it only in ((if ${use.name})) or ((if not ${use.name})).`,
      });
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------
// Values

type Missing = { missing: true };
const MISSING: Missing = { missing: true };

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

function describeKind(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return "text";
  if (typeof value === "number") return Number.isFinite(value) ? "a number" : "a number that is not finite";
  if (typeof value === "boolean") return "true/false";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return !!match && makeDate(Number(match[1]), Number(match[2]), Number(match[3])) === value;
}

/** Why `value` does not fit `type`, or null when it does. Values themselves are not repeated (they may be personal). */
function typeProblem(type: PlaceholderType, value: unknown): string | null {
  switch (type) {
    case "text":
      return typeof value === "string" ? null : `must be text, not ${describeKind(value)}`;
    case "date":
      if (typeof value !== "string") return `must be a date written YYYY-MM-DD, not ${describeKind(value)}`;
      if (isRealDate(value)) return null;
      return /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? `must be a real date: ${value} is not one`
        : `must be a date written YYYY-MM-DD, such as 2026-12-07`;
    case "boolean":
      return typeof value === "boolean" ? null : `must be true or false, not ${describeKind(value)}`;
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? null : `must be a number, not ${describeKind(value)}`;
    default:
      return `has a type this language does not know`;
  }
}

function metaTypeProblems(meta: LetterMeta): LetterProblem[] {
  const problems: LetterProblem[] = [];
  for (const [name, spec] of Object.entries(meta.placeholders ?? {})) {
    if (!NAME.test(name) || RESERVED.has(name)) {
      problems.push({ code: "meta", name, message: `"${name}" is not a usable placeholder name (lower-case letters, digits and _; not if, not, else or end).` });
    }
    if (!spec || typeof spec !== "object" || !PLACEHOLDER_TYPES.includes(spec.type)) {
      problems.push({ code: "meta", name, message: `The placeholder "${name}" must have a type: text, date, boolean or number.` });
    } else if (typeof spec.required !== "boolean") {
      problems.push({ code: "meta", name, message: `The placeholder "${name}" must say whether it is required (true or false).` });
    }
    for (const rule of ["needed_when", "only_when"] as const) {
      const other = typeof spec?.[rule] === "string" ? condition(spec[rule]).name : undefined;
      if (spec && spec[rule] !== undefined && (!isYesNo(meta, other) || other === name)) {
        problems.push({ code: "meta", name, message: `"${name}" has ${rule} "${String(spec[rule])}", which is not another yes/no placeholder of this letter.` });
      }
    }
  }
  if (meta.choose_one !== undefined && !Array.isArray(meta.choose_one)) {
    problems.push({ code: "meta", message: `choose_one must be a list of groups, each { "names": [...], "when": [...] }.` });
  }
  for (const [index, group] of choiceGroups(meta).entries()) {
    const names = Array.isArray(group?.names) ? group.names : [];
    if (names.length < 2) problems.push({ code: "meta", message: `choose_one group ${index + 1} must name at least two yes/no placeholders.` });
    for (const name of [...names, ...(Array.isArray(group?.when) ? group.when : [])]) {
      if (!isYesNo(meta, name)) problems.push({ code: "meta", name: String(name), message: `choose_one group ${index + 1} names "${String(name)}", which is not a yes/no placeholder of this letter.` });
    }
  }
  return problems;
}

function isYesNo(meta: LetterMeta, name: unknown): boolean {
  return typeof name === "string" && Object.hasOwn(meta.placeholders ?? {}, name) && meta.placeholders[name]?.type === "boolean";
}

/** A rule's condition: "sentenced" (while yes) or "not all_charges" (while not yes). */
function condition(rule: string): { name: string; negated: boolean } {
  return rule.startsWith("not ") ? { name: rule.slice(4), negated: true } : { name: rule, negated: false };
}

function choiceGroups(meta: LetterMeta): ChoiceGroup[] {
  return Array.isArray(meta.choose_one) ? meta.choose_one : [];
}

const listed = (names: string[]) => names.map((name) => `((${name}))`).join(", ");

/** Values that disagree with the letter's own rules: a value needed by a yes, or not exactly one outcome chosen. */
function ruleProblems(meta: LetterMeta, values: Record<string, unknown>, prefix: string): LetterProblem[] {
  const problems: LetterProblem[] = [];
  const yes = (name: string) => Object.hasOwn(values, name) && values[name] === true;
  const holds = (rule: string) => {
    const { name, negated } = condition(rule);
    return negated ? !yes(name) : yes(name);
  };
  const said = (rule: string) => {
    const { name, negated } = condition(rule);
    return `((${name})) is ${negated ? "no" : "yes"}`;
  };
  for (const [name, spec] of Object.entries(meta.placeholders)) {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (spec?.needed_when && holds(spec.needed_when) && !spec.required && isAbsent(value)) {
      problems.push({ code: "missing", name, message: `${prefix}((${name})) is needed when ${said(spec.needed_when)}.` });
    }
    if (spec?.only_when && !holds(spec.only_when) && !isAbsent(value) && value !== false) {
      problems.push({ code: "notApplicable", name, message: `${prefix}((${name})) must be left out unless ${said(spec.only_when)}.` });
    }
  }
  for (const group of choiceGroups(meta)) {
    const names = Array.isArray(group?.names) ? group.names.filter((name) => typeof name === "string") : [];
    const when = Array.isArray(group?.when) ? group.when.filter((name) => typeof name === "string") : [];
    const chosen = names.filter(yes);
    const applies = when.length === 0 || when.some(yes);
    if (applies && chosen.length !== 1) {
      const because = when.length ? ` when ${listed(when.filter(yes))} is yes` : "";
      problems.push({
        code: "choice",
        name: names[0],
        message: `${prefix}Exactly one of ${listed(names)} must be yes${because}; ${chosen.length === 0 ? "none is" : `${listed(chosen)} are`}.`,
      });
    } else if (!applies && chosen.length) {
      problems.push({ code: "choice", name: chosen[0], message: `${prefix}${listed(chosen)} can be yes only when one of ${listed(when)} is yes.` });
    }
  }
  return problems;
}

/** Problems with a set of values for a letter: missing, of the wrong type, or not declared. */
export function valueProblems(meta: LetterMeta, values: Record<string, unknown>, prefix = ""): LetterProblem[] {
  const problems: LetterProblem[] = [];
  for (const [name, spec] of Object.entries(meta.placeholders)) {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (!spec || !PLACEHOLDER_TYPES.includes(spec.type)) continue; // reported by metaTypeProblems
    if (value === undefined || value === null) {
      if (spec.required) problems.push({ code: "missing", name, message: `${prefix}There is no value for ((${name})), which is required.` });
      continue;
    }
    const wrong = typeProblem(spec.type, value);
    if (wrong) {
      problems.push({ code: "wrongType", name, message: `${prefix}((${name})) ${wrong}.` });
    } else if (spec.required && isAbsent(value)) {
      problems.push({ code: "missing", name, message: `${prefix}((${name})) is empty, but it is required.` });
    }
  }
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === null || Object.hasOwn(meta.placeholders, name)) continue;
    problems.push({ code: "undeclaredValue", name, message: `${prefix}A value is given for "${name}", which meta.json does not declare.` });
  }
  if (metaTypeProblems(meta).length === 0) problems.push(...ruleProblems(meta, values, prefix));
  return problems;
}

// ---------------------------------------------------------------------------
// Rendering

/** One line of letter text: control characters removed, each run of white space made one space. */
function tidy(text: string): string {
  let kept = "";
  for (const character of text) {
    const code = character.charCodeAt(0);
    const control = (code < 0x20 || (code >= 0x7f && code <= 0x9f)) && !/\s/.test(character);
    if (!control) kept += character;
  }
  return kept.replace(/\s+/g, " ").trim();
}

function formatValue(type: PlaceholderType, value: unknown, lang: Lang): string {
  switch (type) {
    case "date":
      return formatLongDate(value as string, lang);
    case "number":
      return new Intl.NumberFormat(lang === "cy" ? "cy-GB" : "en-GB", { maximumFractionDigits: 20 }).format(value as number);
    default:
      return String(value);
  }
}

type RenderContext = {
  meta: LetterMeta;
  values: Record<string, unknown>;
  lang: Lang;
  problems: LetterProblem[];
};

function valueOf(context: RenderContext, name: string): unknown {
  const value = Object.hasOwn(context.values, name) ? context.values[name] : undefined;
  return isAbsent(value) ? MISSING : value;
}

function conditionHolds(context: RenderContext, condition: { name: string; negated: boolean }): boolean {
  const value = valueOf(context, condition.name);
  const holds = value !== MISSING && value !== false;
  return condition.negated ? !holds : holds;
}

function renderInline(context: RenderContext, nodes: InlineNode[]): string {
  let out = "";
  for (const node of nodes) {
    if (node.type === "text") out += node.text;
    else if (node.type === "value") {
      const value = valueOf(context, node.name);
      const spec = context.meta.placeholders[node.name]!;
      if (value === MISSING) {
        context.problems.push({
          code: "unguarded",
          lang: context.lang,
          name: node.name,
          line: node.line,
          message: `Line ${node.line}: ((${node.name})) has no value in this letter. It is optional, so wrap it in ((if ${node.name})) … ((end)).`,
        });
      } else {
        out += formatValue(spec.type, value, context.lang);
      }
    } else {
      out += renderInline(context, conditionHolds(context, node) ? node.then : node.otherwise);
    }
  }
  return out;
}

function chosenLines(context: RenderContext, nodes: (LineNode | BlockIf)[]): LineNode[] {
  return nodes.flatMap((node) => (node.type === "if" ? (conditionHolds(context, node) ? node.then : node.otherwise) : [node]));
}

/**
 * The letter's heading and body for one set of values, in one language. Throws
 * LetterRenderError, listing every problem, before producing anything when the
 * template or the values are not right.
 */
export function renderLetter(meta: LetterMeta, source: string, given: Record<string, unknown>, lang: Lang): RenderedLetter {
  const derived = withDerivedDeadlines(meta.placeholders ?? {}, given);
  const values = derived.values;
  let ast: TemplateAst;
  try {
    ast = parseTemplate(source);
  } catch (error) {
    if (error instanceof TemplateSyntaxError) {
      throw new LetterRenderError([{ code: "syntax", lang, line: error.line, message: error.message }]);
    }
    throw error;
  }
  const before = [...derived.problems, ...metaTypeProblems(meta), ...templateProblems(meta, ast, lang), ...valueProblems(meta, values)];
  if (before.length) throw new LetterRenderError(before);

  const context: RenderContext = { meta, values, lang, problems: [] };
  const heading = tidy(renderInline(context, ast.heading.content));
  const blocks: LetterBlock[] = [];
  let paragraph: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ type: "paragraph", text: paragraph.join(" ") });
    if (list.length) blocks.push({ type: "list", items: list });
    paragraph = [];
    list = [];
  };
  for (const line of chosenLines(context, ast.body)) {
    if (line.type === "blank") {
      flush();
      continue;
    }
    const text = tidy(renderInline(context, line.content));
    if (!text) continue;
    if (line.kind === "text") {
      if (list.length) flush();
      paragraph.push(text);
    } else if (line.kind === "item") {
      if (paragraph.length) flush();
      list.push(text);
    } else {
      flush();
      blocks.push({ type: "heading", text });
    }
  }
  flush();

  if (!heading) {
    context.problems.push({ code: "emptyHeading", lang, line: ast.heading.line, message: `Line ${ast.heading.line}: the heading comes out empty.` });
  }
  if (context.problems.length) throw new LetterRenderError(context.problems);
  return { heading, blocks };
}

/**
 * What the renderer prints above the body: the sender (with the Area's address
 * and phone lines, where it has them), the case reference and the letter's date.
 */
export function letterTop(meta: LetterMeta, values: Record<string, unknown>, lang: Lang, areaLines: readonly string[] = []): LetterTop {
  const problems: LetterProblem[] = [];
  for (const name of PRINTED_AT_TOP) {
    const type = STANDARD_PLACEHOLDERS[name]!;
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    const wrong = isAbsent(value) ? "has no value" : typeProblem(type, value);
    if (wrong) problems.push({ code: isAbsent(value) ? "missing" : "wrongType", name, message: `((${name})) ${wrong}.` });
  }
  if (problems.length) throw new LetterRenderError(problems);
  return {
    senderBlock: [tidy(meta.sender[lang]), tidy(values.area_name as string), ...areaLines.map(tidy).filter(Boolean)],
    reference: tidy(values.reference as string),
    dateText: formatLongDate(values.letter_date as string, lang, { start: true }),
  };
}

// ---------------------------------------------------------------------------
// Output

export type LetterOutputOptions = LetterTop & { lang?: Lang };

const REFERENCE_LABEL: Record<Lang, string> = { en: "Our reference", cy: "Ein cyfeirnod" };

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

/** The letter as HTML: every text escaped, sender and reference at the top. */
export function toHtml(rendered: RenderedLetter, options: LetterOutputOptions): string {
  const lang = options.lang ?? "en";
  const text = (value: string) => escapeHtml(tidy(value));
  const out: string[] = [`<article class="letter" lang="${lang}">`, `<header class="letter-top">`];
  const sender = options.senderBlock.map(tidy).filter(Boolean);
  if (sender.length) out.push(`<address class="letter-sender">${sender.map(escapeHtml).join("<br>")}</address>`);
  out.push(`<p class="letter-reference">${escapeHtml(REFERENCE_LABEL[lang])}: ${text(options.reference)}</p>`);
  out.push(`<p class="letter-date">${text(options.dateText)}</p>`, `</header>`);
  out.push(`<h1>${text(rendered.heading)}</h1>`);
  for (const block of rendered.blocks) {
    if (block.type === "heading") out.push(`<h2>${text(block.text)}</h2>`);
    else if (block.type === "paragraph") out.push(`<p>${text(block.text)}</p>`);
    else out.push(`<ul>`, ...block.items.map((item) => `<li>${text(item)}</li>`), `</ul>`);
  }
  out.push(`</article>`);
  return `${out.join("\n")}\n`;
}

function underline(text: string, character: string): string {
  return `${text}\n${character.repeat(Math.max(1, [...text].length))}`;
}

/** The letter as plain text: headings underlined, "- " bullets, values as they are. */
export function toPlainText(rendered: RenderedLetter, options: LetterOutputOptions): string {
  const lang = options.lang ?? "en";
  const sections: string[] = [];
  const sender = options.senderBlock.map(tidy).filter(Boolean);
  if (sender.length) sections.push(sender.join("\n"));
  sections.push(`${REFERENCE_LABEL[lang]}: ${tidy(options.reference)}\n${tidy(options.dateText)}`);
  sections.push(underline(tidy(rendered.heading), "="));
  for (const block of rendered.blocks) {
    if (block.type === "heading") sections.push(underline(tidy(block.text), "-"));
    else if (block.type === "paragraph") sections.push(tidy(block.text));
    else sections.push(block.items.map((item) => `- ${tidy(item)}`).join("\n"));
  }
  return `${sections.join("\n\n")}\n`;
}

// ---------------------------------------------------------------------------
// Checking a letter for editors

function metaProblems(meta: LetterMeta): LetterProblem[] {
  const problems: LetterProblem[] = [];
  for (const part of ["name", "sender"] as const) {
    for (const lang of ["en", "cy"] as const) {
      if (typeof meta[part]?.[lang] !== "string" || !meta[part][lang].trim()) {
        problems.push({ code: "meta", lang, message: `meta.json has no ${part} in ${lang === "en" ? "English" : "Welsh"}.` });
      }
    }
  }
  if (!meta.placeholders || typeof meta.placeholders !== "object") {
    problems.push({ code: "meta", message: `meta.json has no placeholders.` });
    return problems;
  }
  problems.push(...metaTypeProblems(meta));
  for (const [name, type] of Object.entries(STANDARD_PLACEHOLDERS)) {
    const spec = Object.hasOwn(meta.placeholders, name) ? meta.placeholders[name] : undefined;
    if (!spec || spec.type !== type || spec.required !== true) {
      problems.push({ code: "standard", name, message: `Every letter declares "${name}" as a required ${type} placeholder.` });
    }
  }
  if (!Array.isArray(meta.examples) || meta.examples.length === 0) {
    problems.push({ code: "noExamples", message: `meta.json needs at least one complete example in "examples".` });
  }
  return problems;
}

/**
 * Everything wrong with a letter's meta.json and its English and Welsh
 * templates; an empty list means the letter is fine.
 */
export function checkTemplate(meta: LetterMeta, sources: { en: string; cy: string }): LetterProblem[] {
  const problems = metaProblems(meta);
  const placeholders = meta.placeholders && typeof meta.placeholders === "object" ? meta.placeholders : {};
  const safeMeta: LetterMeta = { ...meta, placeholders };
  const renderable: Lang[] = [];

  for (const lang of ["en", "cy"] as const) {
    let ast: TemplateAst;
    try {
      ast = parseTemplate(sources[lang]);
    } catch (error) {
      if (!(error instanceof TemplateSyntaxError)) throw error;
      problems.push({ code: "syntax", lang, line: error.line, message: `${lang === "en" ? "en.txt" : "cy.txt"}: ${error.message}` });
      continue;
    }
    const found = templateProblems(safeMeta, ast, lang);
    problems.push(...found.map((problem) => ({ ...problem, message: `${lang}.txt: ${problem.message}` })));
    const used = new Set(placeholderUses(ast).map((use) => use.name));
    for (const name of Object.keys(placeholders)) {
      if (!used.has(name) && !PRINTED_AT_TOP.includes(name)) {
        problems.push({ code: "unused", lang, name, message: `${lang}.txt: "${name}" is declared in meta.json but never used.` });
      }
    }
    if (!found.length) renderable.push(lang);
  }

  const examples = Array.isArray(meta.examples) ? meta.examples : [];
  const typesKnown = metaTypeProblems(safeMeta).length === 0;
  examples.forEach((example, index) => {
    const prefix = `Example ${index + 1}: `;
    if (!example || typeof example !== "object" || Array.isArray(example)) {
      problems.push({ code: "meta", message: `${prefix}must be an object of values.` });
      return;
    }
    const derived = withDerivedDeadlines(safeMeta.placeholders ?? {}, example);
    const wrong = [...derived.problems.map((problem) => ({ ...problem, message: `${prefix}${problem.message}` })), ...valueProblems(safeMeta, derived.values, prefix)];
    problems.push(...wrong);
    if (wrong.length || !typesKnown) return;
    for (const lang of renderable) {
      try {
        renderLetter(safeMeta, sources[lang], example, lang);
      } catch (error) {
        if (!(error instanceof LetterRenderError)) throw error;
        problems.push(...error.problems.map((problem) => ({ ...problem, lang, message: `${prefix}${lang}.txt: ${problem.message}` })));
      }
    }
  });
  return problems;
}

/** A letter's HTML shown inside a page: its headings moved below the page's own (h1 → `level`). */
export function nestHeadings(html: string, level: 2 | 3 | 4): string {
  return html.replace(/<(\/?)h([12])>/g, (_, slash: string, h: string) => `<${slash}h${Number(h) + level - 1}>`);
}
