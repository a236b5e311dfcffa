// Who may do what with letters: editors edit and approve; Area staff and VLOs render.
import { requireRole, requireUser } from "~/features/auth/guards.server.ts";

export async function requireEditor(request: Request) {
  return requireRole(await requireUser(request), "LETTER_EDITOR");
}

export async function requireLetterReader(request: Request) {
  return requireRole(await requireUser(request), "LETTER_EDITOR", "AREA_STAFF", "VLO");
}

export function requireTemplateId(value: string | undefined) {
  if (!value || !/^[a-z0-9-]{1,60}$/.test(value)) throw new Response("Not found", { status: 404 });
  return value;
}

export function requireNumber(value: string | undefined) {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 100_000) throw new Response("Not found", { status: 404 });
  return number;
}
