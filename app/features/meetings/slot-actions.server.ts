// What a VLO does with their published times: publish one (the database
// refuses one that overlaps another of theirs, buffers included) or withdraw
// one still open. Each answer is what the page shows next, with its status.
import { audit } from "~/features/audit/audit.server.ts";
import type { User } from "~/generated/prisma/client.ts";
import type { Db } from "~/utils/db.server.ts";
import { isUuid } from "~/utils/ids.ts";
import { publishSlot, withdrawSlot } from "./booking.server.ts";
import { DEFAULT_BUFFER_MINUTES } from "./schema.ts";
import { readTime } from "./time.server.ts";

export type SlotPosted = { error?: string; field?: string; typed?: Record<string, string>; published?: boolean; withdrawn?: boolean };

export async function actOnSlots(db: Db, vlo: User, form: FormData): Promise<{ posted: SlotPosted; status: number }> {
  const areaId = vlo.areaId;
  if (!areaId) throw new Response("Forbidden", { status: 403 });
  if (form.get("intent") === "withdraw") {
    const slotId = String(form.get("slotId") ?? "");
    if (!isUuid(slotId) || !(await withdrawSlot(db, vlo.id, slotId))) return { posted: { error: "meetings.errors.slotGone" }, status: 409 };
    await audit(db, { actorId: vlo.id, action: "slot.withdrawn", targetType: "meeting_slot", targetId: slotId, areaId });
    return { posted: { withdrawn: true }, status: 200 };
  }
  const time = readTime(form);
  const mode = form.get("mode") === "VIDEO" ? "VIDEO" : form.get("mode") === "IN_PERSON" ? "IN_PERSON" : null;
  const buffer = Number(form.get("buffer") ?? DEFAULT_BUFFER_MINUTES);
  const typed = { ...time.typed, mode: String(form.get("mode") ?? ""), buffer: String(form.get("buffer") ?? DEFAULT_BUFFER_MINUTES).slice(0, 5) };
  const refuse = (error: string, field: string, status = 400) => ({ posted: { error, field, typed }, status });
  if (!time.ok) return refuse(time.error, time.field);
  if (!mode) return refuse("meetings.errors.mode", "mode");
  if (!Number.isInteger(buffer) || buffer < 0 || buffer > 120) return refuse("meetings.errors.buffer", "buffer");
  if (time.startsAt <= new Date()) return refuse("meetings.errors.past", "date");
  const published = await publishSlot(db, { areaId, vloId: vlo.id, startsAt: time.startsAt, endsAt: time.endsAt, bufferMinutes: buffer, mode, location: time.room });
  if (!published.ok) return refuse(published.reason === "overlap" ? "meetings.errors.slotOverlap" : "meetings.errors.booking", "date", 409);
  await audit(db, { actorId: vlo.id, action: "slot.published", targetType: "meeting_slot", targetId: published.slotId, areaId });
  return { posted: { published: true }, status: 200 };
}
