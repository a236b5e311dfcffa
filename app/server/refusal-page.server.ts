// The page sent when a request is refused before the application sees it (a
// body too large or with no length given, or a method no page takes), or by a
// route that answers with a file rather than a page (a letter's PDF): a plain,
// accessible HTML page in the language of the address, never bare text. It
// holds nothing from the request.
import { langFromPath } from "../features/i18n/languages.ts";
import { uiStrings } from "../features/i18n/resources.server.ts";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export type RefusalStatus = 400 | 403 | 404 | 405 | 411 | 413 | 415;

export function refusalPage(status: RefusalStatus, path: string): string {
  const lang = langFromPath(path);
  const strings = uiStrings(lang);
  const title = escape(status === 404 ? strings.errors.notFoundTitle : strings.errors.refusedTitle);
  return [
    "<!DOCTYPE html>",
    `<html lang="${lang}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} – ${escape(strings.serviceName)}</title></head>`,
    `<body><main><h1>${title}</h1><p>${escape(strings.errors.refused[String(status) as `${RefusalStatus}`])}</p>`,
    `<p><a href="${lang === "cy" ? "/cy" : "/"}">${escape(strings.errors.home)}</a></p></main></body>`,
    "</html>",
  ].join("\n");
}
