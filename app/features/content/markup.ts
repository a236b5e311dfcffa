// Long-form content is stored as structured JSON in locales/<lng>/. A body is a
// list of blocks; strings inside may carry two kinds of inline markup:
//   [visible words](target)   a link: glossary:ID, stage:ID, topic:ID (evidence), guide:ID, page:NAME or https://…
//   **words**                 emphasis
// Nothing else is interpreted, so content can never inject markup.
import { localisePath, type Lang } from "~/features/i18n/languages.ts";

export type Block =
  | string
  | { list: string[] }
  | { steps: string[] }
  | { inset: string }
  | { warning: string }
  | { heading: string };

export type Body = Block[];

export type Inline =
  | { type: "text"; text: string }
  | { type: "strong"; text: string }
  | { type: "link"; text: string; target: string };

const INLINE = /\[([^\]]+)\]\(([^)\s]+)\)|\*\*([^*]+)\*\*/g;

export function parseInline(source: string): Inline[] {
  const parts: Inline[] = [];
  let last = 0;
  for (const match of source.matchAll(INLINE)) {
    const index = match.index ?? 0;
    if (index > last) parts.push({ type: "text", text: source.slice(last, index) });
    if (match[1] !== undefined && match[2] !== undefined) {
      parts.push({ type: "link", text: match[1], target: match[2] });
    } else if (match[3] !== undefined) {
      parts.push({ type: "strong", text: match[3] });
    }
    last = index + match[0].length;
  }
  if (last < source.length) parts.push({ type: "text", text: source.slice(last) });
  return parts;
}

/** The text a reader sees, without markup: for readability scores, PDFs and search. */
export function plainText(source: string): string {
  return parseInline(source)
    .map((part) => part.text)
    .join("");
}

export function blockStrings(block: Block): string[] {
  if (typeof block === "string") return [block];
  if ("list" in block) return block.list;
  if ("steps" in block) return block.steps;
  if ("inset" in block) return [block.inset];
  if ("warning" in block) return [block.warning];
  return [block.heading];
}

export function bodyStrings(body: Body): string[] {
  return body.flatMap(blockStrings);
}

/** Named pages that content may link to with page:NAME. */
export const NAMED_PAGES = {
  home: "/",
  walkthrough: "/walkthrough",
  glossary: "/glossary",
  "special-measures": "/special-measures",
  evidence: "/evidence",
  guides: "/guides",
  "evidence-questions": "/evidence/questions",
  "evidence-checklist": "/evidence/checklist",
  "get-help": "/get-help",
  "support-services": "/support-services",
  "leaving-no-trace": "/leaving-no-trace",
  "meeting-request": "/pre-trial-meeting",
  "meeting-form": "/pre-trial-meeting/request",
  privacy: "/privacy",
  cookies: "/cookies",
  accessibility: "/accessibility",
} as const;

export type ResolvedLink =
  | { kind: "internal"; href: string; glossaryId?: string }
  | { kind: "external"; href: string };

/** Where a content link goes, in the reader's language; null for an unknown target. */
export function resolveTarget(target: string, lang: Lang): ResolvedLink | null {
  const [scheme, ...rest] = target.split(":");
  const id = rest.join(":");
  switch (scheme) {
    case "glossary":
      return { kind: "internal", href: `${localisePath("/glossary", lang)}#${id}`, glossaryId: id };
    case "stage":
      return { kind: "internal", href: localisePath(`/walkthrough/${id}`, lang) };
    case "topic":
      return { kind: "internal", href: localisePath(`/evidence/${id}`, lang) };
    case "guide":
      return { kind: "internal", href: localisePath(`/guides/${id}`, lang) };
    case "page": {
      const path = NAMED_PAGES[id as keyof typeof NAMED_PAGES];
      return path ? { kind: "internal", href: localisePath(path, lang) } : null;
    }
    case "https":
      return { kind: "external", href: target };
    default:
      return null;
  }
}

/** Every link target used in some strings, for content tests. */
export function linkTargets(strings: string[]): string[] {
  return strings.flatMap((s) =>
    parseInline(s).flatMap((part) => (part.type === "link" ? [part.target] : [])),
  );
}
