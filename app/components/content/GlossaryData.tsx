// The definitions of the glossary terms marked on a page, as a JSON data block
// (never executed) for the enhancement script to show in place.
type Props = {
  terms: Record<string, { term: string; definition: string }>;
  close: string;
  more: string;
};

export function GlossaryData({ terms, close, more }: Props) {
  if (!Object.keys(terms).length) return null;
  const json = JSON.stringify({ terms, close, more }).replace(/</g, "\\u003c");
  return <script type="application/json" id="glossary-data" dangerouslySetInnerHTML={{ __html: json }} />;
}
