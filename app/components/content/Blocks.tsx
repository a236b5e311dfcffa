// Renders structured content (see ~/features/content/markup.ts) as GOV.UK-styled HTML.
import { parseInline, resolveTarget, type Block, type Body } from "~/features/content/markup.ts";
import { useLang, useT } from "~/features/i18n/i18n.ts";

// A glossary term is a link to its glossary entry, which works everywhere; the
// enhancement script turns it into a button that shows the definition in place.
export function Inline({ text }: { text: string }) {
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
        return link.glossaryId ? (
          <a key={i} className="govuk-link app-term" href={link.href} data-term={link.glossaryId}>
            {part.text}
          </a>
        ) : (
          <a key={i} className="govuk-link" href={link.href}>
            {part.text}
          </a>
        );
      })}
    </>
  );
}

function BlockView({ block, headingLevel }: { block: Block; headingLevel: 2 | 3 }) {
  const t = useT();
  if (typeof block === "string") {
    return (
      <p className="govuk-body">
        <Inline text={block} />
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
            <Inline text={item} />
          </li>
        ))}
      </Tag>
    );
  }
  if ("inset" in block) {
    return (
      <div className="govuk-inset-text">
        <Inline text={block.inset} />
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
          <span className="govuk-visually-hidden">{t("warning")} </span>
          <Inline text={block.warning} />
        </strong>
      </div>
    );
  }
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <Heading className={headingLevel === 2 ? "govuk-heading-m" : "govuk-heading-s"}>
      <Inline text={block.heading} />
    </Heading>
  );
}

/**
 * A body of content. Its headings are h3, under the page's own h2 sections;
 * a page whose body comes straight after its h1 passes `headingLevel={2}`.
 */
export function Blocks({ body, headingLevel = 3 }: { body: Body; headingLevel?: 2 | 3 }) {
  return (
    <>
      {body.map((block, i) => (
        <BlockView key={i} block={block} headingLevel={headingLevel} />
      ))}
    </>
  );
}
