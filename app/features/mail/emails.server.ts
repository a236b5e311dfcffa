// The portal's own e-mails, from templates/email/<name>/{en,cy}.txt: the first
// line is the subject, the rest the body; meta.json declares the placeholders.
// Every message goes in both languages (Welsh first, as Welsh public bodies
// do), so no language preference is needed.
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

/** Subject and plain-text body, Welsh then English; `welshValues` replace values that differ in Welsh. */
export function renderEmail(name: EmailName, values: Record<string, string>, welshValues: Record<string, string> = {}) {
  const { en, cy, placeholders } = template(name);
  const welsh = split(fillPlaceholders(cy, { ...values, ...welshValues }, placeholders));
  const english = split(fillPlaceholders(en, values, placeholders));
  return {
    subject: `${welsh.subject} / ${english.subject}`,
    text: `${welsh.body}\n\n----------\n\n${english.body}\n`,
  };
}
