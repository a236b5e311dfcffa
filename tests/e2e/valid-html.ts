// Every document the browser tests load is checked as served, before any
// script has touched it: html-validate (the checker GOV.UK Frontend runs on its
// own components) with the configuration below, and four checks it does not
// make: nothing after </html>, a title that names the page, no type on a
// textarea, no empty option without a label.
import { createHash } from "node:crypto";
import { HtmlValidate, type ConfigData } from "html-validate";

export const HTML_VALIDATE_CONFIG: ConfigData = {
  extends: ["html-validate:recommended", "html-validate:document"],
  rules: {
    // React writes void elements self-closed (<meta />), the letter renderer
    // without the slash (<br>): both are valid HTML.
    "void-style": "off",
    // React writes boolean and empty attributes as disabled="".
    "attribute-boolean-style": ["error", { style: "empty" }],
    "attribute-empty-style": ["error", { style: "empty" }],
    // React writes a few attribute names in camelCase (charSet, hrefLang);
    // HTML attribute names are case-insensitive.
    "attr-case": "off",
    // Every script and stylesheet is the portal's own, from its own origin.
    "require-sri": ["error", { target: "crossorigin" }],
    // GOV.UK's Exit this page is a link with role="button": it must leave the
    // page with scripts off, and be announced as the button it looks like.
    "prefer-native-element": ["error", { exclude: ["button"] }],
    // Page titles follow GOV.UK's "page – section – service" pattern, which in
    // Welsh can pass the 70 characters a search engine shows.
    "long-title": "off",
    // HTML allows any id without spaces; React's generated ids hold colons.
    "valid-id": ["error", { relaxed: true }],
    // A group of checkboxes shares one name, as radios do.
    "form-dup-name": ["error", { shared: ["radio", "checkbox", "button", "submit", "reset"] }],
    // GOV.UK's error summary, with its h2, comes before the page's h1, so that
    // it is the first thing read; headings must still not skip a level.
    "heading-level": ["error", { minInitialRank: "h2" }],
    // Warnings are failures too.
    "no-redundant-role": "error",
  },
};

const validator = new HtmlValidate(HTML_VALIDATE_CONFIG);
const checked = new Set<string>();

/** The problems html-validate and the extra checks find in one document; each is checked once per worker. */
export async function htmlProblems(html: string): Promise<string[]> {
  const key = createHash("sha256").update(html).digest("hex");
  if (checked.has(key)) return [];
  checked.add(key);
  const report = await validator.validateString(html);
  const problems = report.results.flatMap((result) => result.messages.map((m) => `${m.ruleId} at ${m.line}:${m.column} ${m.selector ?? ""}: ${m.message}`));
  const end = html.toLowerCase().lastIndexOf("</html>");
  if (end < 0 || html.slice(end + "</html>".length).trim() !== "") problems.push("content after </html>");
  // WCAG 2.4.2: "<page> – <service>", never the service name alone.
  if (!/<title>[^<]+ – [^<]+<\/title>/.test(html)) problems.push("the title does not name the page");
  if (/<textarea\b[^>]*\stype=/i.test(html)) problems.push("a textarea has a type attribute");
  if (/<option\b(?![^>]*\slabel=)[^>]*><\/option>/i.test(html)) problems.push("an empty option has no label");
  return problems;
}
