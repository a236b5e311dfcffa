// Every action reads its form here. The portal's forms are all sent
// URL-encoded (none uploads a file), so a body of any other type is refused
// before anything parses it: a parser's error would otherwise be a 500. NUL
// characters are removed from every name and value: no field has a use for
// one, PostgreSQL cannot store one, and the rest of what was typed is kept.
const FORM_TYPE = "application/x-www-form-urlencoded";

function refuse(status: number, message: string): never {
  throw new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
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
  for (const [name, value] of new URLSearchParams(text)) form.append(name.replaceAll("\0", ""), value.replaceAll("\0", ""));
  return form;
}
