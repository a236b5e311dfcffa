// Renders structured content (see ~/features/content/markup.ts) as GOV.UK-styled HTML.
import type { ReactNode } from "react";
import { parseInline, resolveTarget, type Block, type Body } from "~/features/content/markup.ts";
import { useLang } from "~/features/i18n/i18n.ts";

export type TermRenderer = (props: { id: string; text: string; href: string }) => ReactNode;

export function Inline({ text, renderTerm }: { text: string; renderTerm?: TermRenderer }) {
  const lang = useLang();
  return (
    <>
      {parseInline(text).map((part, i) => {
        if (part.type === "text") return part.text;
        if (part.type === "strong") return <strong key={i}>{part.text}</strong>;
        const link = resolveTarget(part.target, lang);
        if (!link) return part.text;
        if (link.kind === "external") {
          return (
            <a key={i} className="govuk-link" href={link.href} rel="noreferrer noopener">
              {part.text}
            </a>
          );
        }
        if (link.glossaryId && renderTerm) {
          return <span key={i}>{renderTerm({ id: link.glossaryId, text: part.text, href: link.href })}</span>;
        }
        return (
          <a key={i} className={link.glossaryId ? "govuk-link app-term-link" : "govuk-link"} href={link.href}>
            {part.text}
          </a>
        );
      })}
    </>
  );
}

function BlockView({ block, renderTerm }: { block: Block; renderTerm?: TermRenderer }) {
  if (typeof block === "string") {
    return (
      <p className="govuk-body">
        <Inline text={block} renderTerm={renderTerm} />
      </p>
    );
  }
  if ("list" in block || "steps" in block) {
    const items = "list" in block ? block.list : block.steps;
    const Tag = "list" in block ? "ul" : "ol";
    return (
      <Tag className={`govuk-list ${"list" in block ? "govuk-list--bullet" : "govuk-list--number"}`}>
        {items.map((item, i) => (
          <li key={i}>
            <Inline text={item} renderTerm={renderTerm} />
          </li>
        ))}
      </Tag>
    );
  }
  if ("inset" in block) {
    return (
      <div className="govuk-inset-text">
        <Inline text={block.inset} renderTerm={renderTerm} />
      </div>
    );
  }
  if ("warning" in block) {
    return (
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <Inline text={block.warning} renderTerm={renderTerm} />
        </strong>
      </div>
    );
  }
  return (
    <h3 className="govuk-heading-s">
      <Inline text={block.heading} renderTerm={renderTerm} />
    </h3>
  );
}

export function Blocks({ body, renderTerm }: { body: Body; renderTerm?: TermRenderer }) {
  return (
    <>
      {body.map((block, i) => (
        <BlockView key={i} block={block} renderTerm={renderTerm} />
      ))}
    </>
  );
}
