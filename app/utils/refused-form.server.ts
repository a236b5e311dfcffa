// A form the server refused: its errors by field name, and what was typed in
// the named fields, so the page shows both and nothing is lost.
import { data } from "@remix-run/node";

export function refusedForm(
  intent: string,
  errors: Record<string, string | undefined>,
  form: FormData,
  fields: string[]
) {
  const values = Object.fromEntries(
    fields.map((field) => [field, String(form.get(field) ?? "")])
  );
  const list = Object.entries(errors).flatMap(([name, key]) =>
    key ? [{ name, key }] : []
  );
  return data({ intent, errors: list, values }, { status: 400 });
}
