// The longest value each kind of free text may be. A longer value is refused
// with a message that gives the limit, and what was typed is shown again whole:
// no field cuts what a person typed, in the browser or on the server.

/** The error (a translation key with its count) for a value longer than `max` characters. */
export function tooLong(max: number): string {
  return `forms.tooLong|${JSON.stringify({ count: max })}`;
}

/** A letter template's body, in each language. */
export const MAX_LETTER_BODY = 20_000;
