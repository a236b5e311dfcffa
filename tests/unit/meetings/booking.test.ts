// No double booking is possible: the database refuses overlapping meetings for
// one VLO or one room, even when attempts arrive at once from two instances.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookMeeting, cancelMeeting, moveMeeting, publishSlot } from "~/features/meetings/booking.server.ts";
import { connectDb, type Db } from "~/utils/db.server.ts";
import { createMigratedDatabase } from "../../setup/database.ts";
import { makeUser } from "../../setup/users.ts";

let db: Db;
let second: Db;

beforeAll(async () => {
  const created = await createMigratedDatabase();
  db = created.db;
  second = connectDb(created.url, { max: 10 });
});
afterAll(async () => {
  await second.$disconnect();
  await db.$disconnect();
});

async function request(areaId = "south-east") {
  return db.meetingRequest.create({
    data: {
      reference: `M-${crypto.randomBytes(4).toString("hex").toUpperCase()}`,
      areaId,
      requestedBy: "VICTIM",
      contact: "encrypted",
      safeEmail: false,
      safePhone: true,
      safeVoicemail: false,
      safeText: false,
      onlyViaIsva: false,
      needs: "encrypted",
    },
  });
}

async function target(areaId = "south-east") {
  const created = await request(areaId);
  return { requestId: created.id, areaId: created.areaId };
}

const at = (time: string) => new Date(`2027-03-01T${time}:00Z`);

describe("booking pre-trial meetings", () => {
  it("refuses a meeting that overlaps another for the same VLO, buffers included", async () => {
    const { user: vlo } = await makeUser(db, { roles: ["VLO"], areaId: "south-east" });
    const first = await bookMeeting(db, { ...(await target()), vloId: vlo.id, startsAt: at("10:00"), endsAt: at("11:00") });
    expect(first.ok).toBe(true);
    // 11:10 starts inside the 15-minute buffer after 11:00.
    expect(await bookMeeting(db, { ...(await target()), vloId: vlo.id, startsAt: at("11:10"), endsAt: at("12:00") })).toEqual({ ok: false, reason: "overlap" });
    expect((await bookMeeting(db, { ...(await target()), vloId: vlo.id, startsAt: at("11:30"), endsAt: at("12:00") })).ok).toBe(true);
  });

  it("refuses the same room twice, and frees the time when a meeting is cancelled", async () => {
    const { user: one } = await makeUser(db, { roles: ["VLO"], areaId: "south-east" });
    const { user: two } = await makeUser(db, { roles: ["VLO"], areaId: "south-east" });
    const booked = await bookMeeting(db, { ...(await target()), vloId: one.id, room: "Room 3", startsAt: at("14:00"), endsAt: at("15:00") });
    expect(await bookMeeting(db, { ...(await target()), vloId: two.id, room: "Room 3", startsAt: at("14:30"), endsAt: at("15:30") })).toEqual({ ok: false, reason: "overlap" });
    await cancelMeeting(db, (booked as { meetingId: string }).meetingId);
    expect((await bookMeeting(db, { ...(await target()), vloId: two.id, room: "Room 3", startsAt: at("14:30"), endsAt: at("15:30") })).ok).toBe(true);
  });

  it("keeps rooms apart within an Area only: Room 3 in two Areas is two rooms", async () => {
    const { user: one } = await makeUser(db, { roles: ["VLO"], areaId: "south-east" });
    const { user: two } = await makeUser(db, { roles: ["VLO"], areaId: "wessex" });
    expect((await bookMeeting(db, { ...(await target("south-east")), vloId: one.id, room: "Room 9", startsAt: at("16:00"), endsAt: at("17:00") })).ok).toBe(true);
    expect((await bookMeeting(db, { ...(await target("wessex")), vloId: two.id, room: "Room 9", startsAt: at("16:00"), endsAt: at("17:00") })).ok).toBe(true);
  });

  it("moves a meeting only to a free time, raising its sequence each time", async () => {
    const { user: vlo } = await makeUser(db, { roles: ["VLO"], areaId: "south-east" });
    const day = (time: string) => new Date(`2027-03-02T${time}:00Z`);
    const first = await bookMeeting(db, { ...(await target()), vloId: vlo.id, startsAt: day("09:00"), endsAt: day("10:00") });
    const other = await bookMeeting(db, { ...(await target()), vloId: vlo.id, startsAt: day("13:00"), endsAt: day("14:00") });
    const id = (first as { meetingId: string }).meetingId;
    expect(other.ok).toBe(true);
    expect(await moveMeeting(db, id, { startsAt: day("13:30"), endsAt: day("14:30"), reason: "Court listing" })).toEqual({ ok: false, reason: "overlap" });
    expect(await moveMeeting(db, id, { startsAt: day("11:00"), endsAt: day("12:00"), reason: "Court listing" })).toEqual({ ok: true });
    const moved = await db.meeting.findUniqueOrThrow({ where: { id } });
    expect(moved).toMatchObject({ sequence: 1, changeReason: "Court listing", startsAt: day("11:00") });
    expect(moved.blockedFrom).toEqual(day("10:45"));
  });

  it("refuses a slot that overlaps another open slot of the same VLO, but not another VLO's", async () => {
    const { user: vlo } = await makeUser(db, { roles: ["VLO"], areaId: "south-east" });
    const { user: colleague } = await makeUser(db, { roles: ["VLO"], areaId: "south-east" });
    const slot = (who: string, from: string, to: string) =>
      publishSlot(db, { areaId: "south-east", vloId: who, startsAt: at(from), endsAt: at(to), bufferMinutes: 10, mode: "VIDEO", location: "ignored for video" });
    const first = await slot(vlo.id, "09:00", "10:00");
    expect(first.ok).toBe(true);
    expect(await slot(vlo.id, "10:05", "11:00")).toEqual({ ok: false, reason: "overlap" });
    expect((await slot(vlo.id, "10:20", "11:00")).ok).toBe(true);
    expect((await slot(colleague.id, "09:00", "10:00")).ok).toBe(true);
    expect(await slot(vlo.id, "12:00", "12:00")).toEqual({ ok: false, reason: "invalid" });
    expect((await db.meetingSlot.findUniqueOrThrow({ where: { id: (first as { slotId: string }).slotId } })).location).toBeNull();
  });

  it("gives exactly one booking out of 50 simultaneous overlapping attempts from two instances", async () => {
    const { user: vlo } = await makeUser(db, { roles: ["VLO"], areaId: "wessex" });
    const requests = await Promise.all(Array.from({ length: 50 }, () => request("wessex")));
    const results = await Promise.all(
      requests.map((r, i) =>
        bookMeeting(i % 2 ? db : second, { requestId: r.id, areaId: r.areaId, vloId: vlo.id, startsAt: new Date(at("09:00").getTime() + i * 60_000), endsAt: new Date(at("10:00").getTime() + i * 60_000) }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "overlap")).toHaveLength(49);
    expect(await db.meeting.count({ where: { vloId: vlo.id, status: "BOOKED" } })).toBe(1);
  }, 60_000);
});
