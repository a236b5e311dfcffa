// The portal's own e-mails, from templates/email/<name>/{en,cy}.txt: the first
// line is the subject, the rest the body; meta.json declares the placeholders.
// Each message is in its recipient's language (mailLanguage): English, or
// Welsh first and then English for someone who chose Welsh and for anything
// to or for CPS Cymru-Wales, as Welsh public bodies write.
import fs from "node:fs";
import path from "node:path";
import { fillPlaceholders } from "~/features/templates/placeholders.ts";
import { projectRoot } from "~/utils/project-root.server.ts";

export const EMAILS = [
  "verify-email",
  "already-registered",
  "invitation",
  "reset-password",
  "account-approved",
  "query-received",
  "query-received-full",
  "query-acknowledged",
  "query-reply",
  "query-transferred",
  "query-moved",
  "meeting-request-received",
  "meeting-booked",
  "meeting-changed",
  "meeting-cancelled",
  "meeting-times-offered",
  "meeting-reminder",
  "meeting-isva-update",
  "meeting-staff-update",
] as const;
export type EmailName = (typeof EMAILS)[number];

type Template = { en: string; cy: string; placeholders: string[] };
const cache = new Map<EmailName, Template>();

function template(name: EmailName): Template {
  let found = cache.get(name);
  if (!found) {
    const dir = path.join(projectRoot(), "templates", "email", name);
    const read = (file: string) => fs.readFileSync(path.join(dir, file), "utf8");
    found = { en: read("en.txt"), cy: read("cy.txt"), placeholders: JSON.parse(read("meta.json")).placeholders };
    cache.set(name, found);
  }
  return found;
}

function split(text: string) {
  const [subject = "", ...body] = text.replace(/\r\n/g, "\n").split("\n");
  return { subject: subject.trim(), body: body.join("\n").trim() };
}

/** "en": English only. "cy": Welsh first, then English. */
export type MailLanguage = "en" | "cy";

/** The Area whose e-mails go in Welsh and English, Welsh first. */
export const WELSH_AREA_ID = "cymru-wales";

/**
 * The language of an e-mail: Welsh first (then English) when the recipient
 * chose Welsh (a stored preference, or the language of the form a victim
 * filled in) or when it is to or for CPS Cymru-Wales; English only otherwise.
 */
export function mailLanguage(preference: string | null | undefined, areaId?: string | null): MailLanguage {
  return preference === "cy" || areaId === WELSH_AREA_ID ? "cy" : "en";
}

/** A link into the portal in the recipient's chosen language. */
export function mailLink(origin: string, path: string, preference: string | null | undefined) {
  return `${origin}${preference === "cy" ? "/cy" : ""}${path}`;
}

/** Subject and plain-text body in `language`; `welshValues` replace values that differ in Welsh. */
export function renderEmail(name: EmailName, language: MailLanguage, values: Record<string, string>, welshValues: Record<string, string> = {}) {
  const { en, cy, placeholders } = template(name);
  const english = split(fillPlaceholders(en, values, placeholders));
  if (language === "en") return { subject: english.subject, text: `${english.body}\n` };
  const welsh = split(fillPlaceholders(cy, { ...values, ...welshValues }, placeholders));
  return {
    subject: `${welsh.subject} / ${english.subject}`,
    text: `${welsh.body}\n\n----------\n\n${english.body}\n`,
  };
}
