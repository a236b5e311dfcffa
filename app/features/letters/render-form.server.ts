// Reading a letter's values from the render form. Nothing read here is kept.
import type { LetterMeta } from "./template-language.ts";

export function valuesFromForm(form: FormData, placeholders: LetterMeta["placeholders"]) {
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(placeholders)) {
    const raw = String(form.get(`v.${name}`) ?? "").trim().slice(0, 2000);
    if (spec.type === "boolean") values[name] = raw === "yes" ? true : raw === "no" ? false : undefined;
    else if (spec.type === "number") values[name] = raw === "" ? undefined : Number(raw);
    else values[name] = raw === "" ? undefined : raw;
  }
  return values;
}
