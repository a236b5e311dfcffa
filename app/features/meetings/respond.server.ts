// What a victim or ISVA can do from a signed, single-use link, without an
// account: choose one of the offered times (or say none suit), or confirm a
// booked meeting or ask to rearrange it. Each link works once; the action and
// the spending of the link commit together.
import { audit } from "~/features/audit/audit.server.ts";
import type { MeetingLinkPurpose } from "~/generated/prisma/client.ts";
import type { Db } from "~/utils/db.server.ts";
import { bookMeeting } from "./booking.server.ts";
import { checkLink, spendLink, type LinkProblem } from "./links.server.ts";
import { meetingWhen, queueMeetingNews, queueStaffNews } from "./messages.server.ts";
import { requestForLink, settleSlots, SlotGone } from "./requests.server.ts";

export type LinkTime = { id: string; startsAt: string; mode: "IN_PERSON" | "VIDEO"; place: string | null };
export type LinkView =
  | { ok: true; purpose: "CHOOSE"; reference: string; times: LinkTime[] }
  | { ok: true; purpose: "RESPOND"; reference: string; meeting: LinkTime | null }
  | { ok: false; problem: LinkProblem };

class LinkSpent extends Error {}

async function checkEither(db: Db, token: string) {
  for (const purpose of ["CHOOSE", "RESPOND"] as MeetingLinkPurpose[]) {
    const checked = await checkLink(db, token, purpose);
    if (checked.ok || checked.problem !== "invalid") return { ...checked, purpose };
  }
  return { ok: false as const, problem: "invalid" as LinkProblem, purpose: "CHOOSE" as MeetingLinkPurpose };
}

/** What the link's page shows: the offered times, or the booked meeting. Nothing about the case. */
export async function viewLink(db: Db, token: string): Promise<LinkView> {
  const checked = await checkEither(db, token);
  if (!checked.ok) return { ok: false, problem: checked.problem };
  const request = await requestForLink(db, checked.link.requestId);
  if (!request) return { ok: false, problem: "invalid" };
  if (checked.purpose === "CHOOSE") {
    return {
      ok: true,
      purpose: "CHOOSE",
      reference: request.reference,
      times: request.proposed.map((slot) => ({ id: slot.id, startsAt: slot.startsAt.toISOString(), mode: slot.mode, place: slot.location })),
    };
  }
  const meeting = request.meetings[0];
  return {
    ok: true,
    purpose: "RESPOND",
    reference: request.reference,
    meeting: meeting ? { id: meeting.id, startsAt: meeting.startsAt.toISOString(), mode: meeting.mode, place: meeting.room } : null,
  };
}

export type RespondResult = { ok: true; done: "booked" | "noneSuit" | "confirmed" | "rearrange"; when?: string } | { ok: false; problem: LinkProblem | "slotGone" | "overlap" };

/** Books the chosen time. The other offered times return to the VLO's open slots. */
export async function chooseTime(db: Db, token: string, slotId: string, origin: string): Promise<RespondResult> {
  const checked = await checkLink(db, token, "CHOOSE");
  if (!checked.ok) return checked;
  const request = await requestForLink(db, checked.link.requestId);
  const slot = request?.proposed.find((proposed) => proposed.id === slotId);
  if (!request || !slot) return { ok: false, problem: "slotGone" };
  const area = await db.area.findUniqueOrThrow({ where: { id: request.areaId } });
  try {
    const booked = await bookMeeting(
      db,
      { requestId: request.id, areaId: request.areaId, vloId: slot.vloId, startsAt: slot.startsAt, endsAt: slot.endsAt, mode: slot.mode, room: slot.location, bufferMinutes: slot.bufferMinutes, slotId: slot.id },
      async (tx, meetingId) => {
        if (!(await spendLink(tx, checked.link.id))) throw new LinkSpent();
        await settleSlots(tx, request.id, slot.id);
        const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId } });
        await queueMeetingNews(tx, "booked", request.party, meeting, area, origin);
        await queueStaffNews(tx, "chosen", request.party, area, origin);
        await audit(tx, { action: "meeting.chosen", targetType: "meeting", targetId: meetingId, areaId: request.areaId, detail: { by: checked.link.audience } });
      },
    );
    if (!booked.ok) return { ok: false, problem: booked.reason === "overlap" ? "overlap" : "slotGone" };
    return { ok: true, done: "booked", when: meetingWhen(slot.startsAt, request.language === "cy" ? "cy" : "en") };
  } catch (error) {
    if (error instanceof LinkSpent) return { ok: false, problem: "used" };
    if (error instanceof SlotGone) return { ok: false, problem: "slotGone" };
    throw error;
  }
}

/** None of the offered times suit: they go back to the VLO, who is asked to offer others. */
export async function noneSuit(db: Db, token: string, origin: string): Promise<RespondResult> {
  return spendingLink(db, token, "CHOOSE", async (tx, request, area) => {
    await settleSlots(tx, request.id);
    await tx.meetingRequest.update({ where: { id: request.id }, data: { status: "NEW" } });
    await queueStaffNews(tx, "noneSuit", request.party, area, origin);
    return "noneSuit";
  });
}

/** The victim or ISVA confirms the booked meeting. */
export async function confirmMeeting(db: Db, token: string): Promise<RespondResult> {
  return spendingLink(db, token, "RESPOND", async (tx, request) => {
    await tx.meetingRequest.update({ where: { id: request.id }, data: { confirmedAt: new Date() } });
    return "confirmed";
  });
}

/** The victim or ISVA asks for another time; the VLO is told (with no details) and arranges it. */
export async function askToRearrange(db: Db, token: string, origin: string): Promise<RespondResult> {
  return spendingLink(db, token, "RESPOND", async (tx, request, area) => {
    await tx.meetingRequest.update({ where: { id: request.id }, data: { rearrangeAskedAt: new Date() } });
    await queueStaffNews(tx, "rearrange", request.party, area, origin);
    return "rearrange";
  });
}

type Request = NonNullable<Awaited<ReturnType<typeof requestForLink>>>;
type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

async function spendingLink(
  db: Db,
  token: string,
  purpose: MeetingLinkPurpose,
  work: (tx: Tx, request: Request, area: Awaited<ReturnType<Db["area"]["findUniqueOrThrow"]>>) => Promise<"noneSuit" | "confirmed" | "rearrange">,
): Promise<RespondResult> {
  const checked = await checkLink(db, token, purpose);
  if (!checked.ok) return checked;
  const request = await requestForLink(db, checked.link.requestId);
  if (!request) return { ok: false, problem: "invalid" };
  if (purpose === "RESPOND" && !request.meetings.length) return { ok: false, problem: "used" };
  const area = await db.area.findUniqueOrThrow({ where: { id: request.areaId } });
  try {
    const done = await db.$transaction(async (tx) => {
      if (!(await spendLink(tx, checked.link.id))) throw new LinkSpent();
      const result = await work(tx, request, area);
      await audit(tx, { action: `meeting.${result}`, targetType: "meeting_request", targetId: request.id, areaId: request.areaId, detail: { by: checked.link.audience } });
      return result;
    });
    return { ok: true, done };
  } catch (error) {
    if (error instanceof LinkSpent) return { ok: false, problem: "used" };
    throw error;
  }
}
