// React writes a Suspense boundary that finishes after the shell (Remix's
// hand-over of loader data to the browser scripts) after the document's
// closing tags. A conforming parser moves such scripts into the body anyway;
// moving them there on the server makes the document valid HTML and changes
// nothing that runs: they keep their order, after the scripts they feed.
const CLOSE = "</body></html>";

/** The document with anything written after its closing tags moved to the end of its body. */
export function endInsideHtml(html: string): string {
  const close = html.lastIndexOf(CLOSE);
  if (close < 0) return html;
  const after = html.slice(close + CLOSE.length);
  if (after.trim() === "") return html.slice(0, close + CLOSE.length);
  return html.slice(0, close) + after + CLOSE;
}
