// What a meeting request's page shows a member of the Area: how the victim
// may (and may not) be contacted, their needs, the times offered and booked,
// and, for a VLO, their open times to offer. An address the victim did not
// say is safe never leaves the server.
import { formatDate, relativeDay } from "~/features/dates/format.ts";
import type { Lang } from "~/features/i18n/languages.ts";
import { hasRole } from "~/features/auth/guards.server.ts";
import type { User } from "~/generated/prisma/client.ts";
import type { Db } from "~/utils/db.server.ts";
import { listSlots } from "./booking.server.ts";
import { meetingWhen } from "./messages.server.ts";
import { MAX_PROPOSED, staffMeetingRequest } from "./requests.server.ts";
import { londonParts } from "./time.server.ts";

/** The page's view of a request in the staff member's Area, or null when there is none. */
export async function staffRequestView(db: Db, staff: User, reference: string, lang: Lang) {
  const found = await staffMeetingRequest(db, staff, reference);
  if (!found) return null;
  const isVlo = hasRole(staff, "VLO");
  const open = isVlo ? (await listSlots(db, staff.id)).filter((slot) => slot.status === "OPEN") : [];
  const slotView = (slot: { id: string; startsAt: Date; mode: "IN_PERSON" | "VIDEO"; location: string | null }) => ({
    id: slot.id,
    when: meetingWhen(slot.startsAt, lang),
    mode: slot.mode,
    location: slot.location,
  });
  return {
    canBook: isVlo,
    maxProposed: MAX_PROPOSED,
    openSlots: open.map(slotView),
    request: {
      reference: found.reference,
      status: found.status,
      requestedBy: found.requestedBy,
      received: { date: formatDate(found.createdAt, lang), relative: relativeDay(found.createdAt) },
      // An address the victim did not say is safe is not sent to the browser at all.
      contact: found.plan.emailVictim ? found.contact : { ...found.contact, email: undefined },
      needs: found.needs,
      outcome: found.outcome,
      confirmed: Boolean(found.confirmedAt),
      rearrangeAsked: Boolean(found.rearrangeAskedAt),
      safe: { email: found.safeEmail, phone: found.safePhone, voicemail: found.safeVoicemail, text: found.safeText, onlyViaIsva: found.onlyViaIsva },
      plan: found.plan,
      proposed: found.proposed.map(slotView),
      meetings: found.meetings.map((m) => ({
        id: m.id,
        when: meetingWhen(m.startsAt, lang),
        relative: relativeDay(m.startsAt),
        room: m.room,
        mode: m.mode,
        minutes: Math.round((m.endsAt.getTime() - m.startsAt.getTime()) / 60_000),
        ...londonParts(m.startsAt),
      })),
    },
  };
}
