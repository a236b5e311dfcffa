// Every action reads its form here. The portal's forms are all sent
// URL-encoded (none uploads a file), so a body of any other type is refused
// before anything parses it: a parser's error would otherwise be a 500. NUL
// characters are removed from every name and value: no field has a use for
// one, PostgreSQL cannot store one, and the rest of what was typed is kept.
// So are the bidirectional embedding, override and isolate controls
// (U+202A-U+202E, U+2066-U+2069): typed into a name or a reference they make
// it read backwards to the next person ("evil" shown as "live"), and no field
// needs them (right-to-left text displays correctly without them).
const FORM_TYPE = "application/x-www-form-urlencoded";

function refuse(status: number, message: string): never {
  throw new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

const UNWANTED = /[\0\u202A-\u202E\u2066-\u2069]/g;

/** A submitted name or value without NUL characters or bidirectional controls. */
function clean(text: string): string {
  return text.replace(UNWANTED, "");
}

export async function readForm(request: Request): Promise<FormData> {
  const type = request.headers.get("Content-Type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== FORM_TYPE) refuse(415, "Forms are sent URL-encoded.");
  let text: string;
  try {
    text = await request.text();
  } catch {
    refuse(400, "The form could not be read.");
  }
  const form = new FormData();
  for (const [name, value] of new URLSearchParams(text)) form.append(clean(name), clean(value));
  return form;
}
