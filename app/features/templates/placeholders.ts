// The placeholder language shared by e-mails and letters: ((name)) and nothing
// else, so a template can never run code. Rendering fails loudly when a value
// is missing or a placeholder is not declared, before anything is sent.
const PLACEHOLDER = /\(\(([a-z][a-z0-9_]*)\)\)/g;

export class TemplateError extends Error {}

export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

/** Fills every ((name)) in `text`; `escape` is applied to each value (for HTML). */
export function fillPlaceholders(
  text: string,
  values: Record<string, string>,
  declared: readonly string[],
  escape: (value: string) => string = (value) => value,
): string {
  for (const name of placeholdersIn(text)) {
    if (!declared.includes(name)) throw new TemplateError(`The placeholder ((${name})) is not declared.`);
    if (values[name] === undefined) throw new TemplateError(`No value for ((${name})).`);
  }
  return text.replace(PLACEHOLDER, (_, name: string) => escape(values[name]!));
}
