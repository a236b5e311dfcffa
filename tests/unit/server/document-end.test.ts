import { describe, expect, it } from "vitest";
import { endInsideHtml } from "~/server/document-end.server.ts";

describe("endInsideHtml", () => {
  it("moves scripts written after </html> to the end of the body, in order", () => {
    const html = '<!DOCTYPE html><html><body><p>Page</p><script src="/a.js"></script></body></html><!--$--><script>one()</script><script>two()</script><!--/$-->';
    expect(endInsideHtml(html)).toBe(
      '<!DOCTYPE html><html><body><p>Page</p><script src="/a.js"></script><!--$--><script>one()</script><script>two()</script><!--/$--></body></html>',
    );
  });

  it("leaves a document that already ends with </html> as it is", () => {
    const html = "<!DOCTYPE html><html><body><p>Page</p></body></html>";
    expect(endInsideHtml(html)).toBe(html);
  });

  it("drops only whitespace after the end", () => {
    expect(endInsideHtml("<html><body></body></html>\n")).toBe("<html><body></body></html>");
  });

  it("moves from the last closing tags, not from a string in the page that looks like them", () => {
    const html = "<html><body><pre>&lt;/body&gt;</pre><script>const s = '</body></html>'.length</script></body></html><script>x()</script>";
    expect(endInsideHtml(html)).toBe("<html><body><pre>&lt;/body&gt;</pre><script>const s = '</body></html>'.length</script><script>x()</script></body></html>");
  });
});
