// The page sent when a request is refused before the application sees it (a
// body too large or with no length given, or a method no page takes): a plain, accessible HTML page in
// the language of the address, never bare text. It holds nothing from the
// request.
import { langFromPath } from "../features/i18n/languages.ts";
import { uiStrings } from "../features/i18n/resources.server.ts";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function refusalPage(status: 405 | 411 | 413, path: string): string {
  const lang = langFromPath(path);
  const strings = uiStrings(lang);
  const title = escape(strings.errors.refusedTitle);
  return [
    "<!DOCTYPE html>",
    `<html lang="${lang}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} – ${escape(strings.serviceName)}</title></head>`,
    `<body><main><h1>${title}</h1><p>${escape(strings.errors.refused[String(status) as "405" | "411" | "413"])}</p>`,
    `<p><a href="${lang === "cy" ? "/cy" : "/"}">${escape(strings.errors.home)}</a></p></main></body>`,
    "</html>",
  ].join("\n");
}
