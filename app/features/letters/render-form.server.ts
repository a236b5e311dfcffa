// Reading a letter's values from the render form. Nothing read here is kept.
// Values the portal knows are never taken from the form: the Area's name,
// address and phone number come from the Area record in the letter's language,
// and every deadline a scheme
// fixes is worked out from the date it runs from (deadlines.ts).
import { readDateParts } from "~/features/dates/dates.ts";
import { isFilledByPortal, withDerivedDeadlines } from "./deadlines.ts";
import type { Lang, LetterMeta } from "./template-language.ts";

/**
 * A date from GOV.UK's three boxes (v.name.day, .month, .year) as YYYY-MM-DD.
 * Boxes that make no date are passed on as typed, so the letter's own checks
 * name the field; a form without the boxes may send the date whole.
 */
function dateFromForm(form: FormData, name: string) {
  const part = (which: string) => String(form.get(`v.${name}.${which}`) ?? "").trim().slice(0, 20);
  const [day, month, year] = [part("day"), part("month"), part("year")];
  if (!day && !month && !year) return String(form.get(`v.${name}`) ?? "").trim().slice(0, 2000);
  return readDateParts(day, month, year) ?? `${year}-${month}-${day}`;
}

export function valuesFromForm(form: FormData, placeholders: LetterMeta["placeholders"]) {
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(placeholders)) {
    const raw = spec.type === "date" ? dateFromForm(form, name) : String(form.get(`v.${name}`) ?? "").trim().slice(0, 2000);
    if (spec.type === "boolean") values[name] = raw === "yes" ? true : raw === "no" ? false : undefined;
    else if (spec.type === "number") values[name] = raw === "" ? undefined : Number(raw);
    else values[name] = raw === "" ? undefined : raw;
  }
  return values;
}

type AreaNames = { nameEn: string; nameCy: string } | null;
type AreaDetails = { letterAddressEn: string; letterAddressCy: string; letterPhone: string } | null;

const PHONE: Record<Lang, string> = { en: "Phone", cy: "Ffôn" };

/**
 * What a letter prints under the Area's name: the address an administrator
 * set, in the letter's language (the English one when no Welsh one is set),
 * then the phone number. Nothing when none is set: no address is assumed.
 */
export function areaLines(area: AreaDetails, lang: Lang): string[] {
  if (!area) return [];
  const address = (lang === "cy" && area.letterAddressCy) || area.letterAddressEn;
  const lines = address.split("\n").map((line) => line.trim()).filter(Boolean);
  return area.letterPhone ? [...lines, `${PHONE[lang]}: ${area.letterPhone}`] : lines;
}

/**
 * The values a letter is made with: what was typed, less anything the portal
 * fills itself, plus the Area's name in the letter's language and the
 * deadlines worked out from their dates.
 */
export function letterValues(form: FormData, placeholders: LetterMeta["placeholders"], area: AreaNames, lang: Lang) {
  const typed = valuesFromForm(form, placeholders);
  for (const name of Object.keys(typed)) if (isFilledByPortal(name)) delete typed[name];
  if (area && Object.hasOwn(placeholders, "area_name")) typed.area_name = lang === "cy" ? area.nameCy : area.nameEn;
  return withDerivedDeadlines(placeholders, typed).values;
}

/** The file name of a letter's PDF, in the letter's language. */
export function letterFileName(templateId: string, names: { en: string; cy: string }, lang: Lang): string {
  const slug = names[lang]
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `${slug || templateId}.pdf`;
}
