// No double booking is possible: the database refuses overlapping meetings for
// one VLO or one room, even when attempts arrive at once from two instances.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookMeeting, cancelMeeting } from "~/features/meetings/booking.server.ts";
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

const at = (time: string) => new Date(`2027-03-01T${time}:00Z`);

describe("booking pre-trial meetings", () => {
  it("refuses a meeting that overlaps another for the same VLO, buffers included", async () => {
    const { user: vlo } = await makeUser(db, { roles: ["VLO"], areaId: "south-east" });
    const first = await bookMeeting(db, { requestId: (await request()).id, vloId: vlo.id, startsAt: at("10:00"), endsAt: at("11:00") });
    expect(first.ok).toBe(true);
    // 11:10 starts inside the 15-minute buffer after 11:00.
    expect(await bookMeeting(db, { requestId: (await request()).id, vloId: vlo.id, startsAt: at("11:10"), endsAt: at("12:00") })).toEqual({ ok: false, reason: "overlap" });
    expect((await bookMeeting(db, { requestId: (await request()).id, vloId: vlo.id, startsAt: at("11:30"), endsAt: at("12:00") })).ok).toBe(true);
  });

  it("refuses the same room twice, and frees the time when a meeting is cancelled", async () => {
    const { user: one } = await makeUser(db, { roles: ["VLO"], areaId: "south-east" });
    const { user: two } = await makeUser(db, { roles: ["VLO"], areaId: "south-east" });
    const booked = await bookMeeting(db, { requestId: (await request()).id, vloId: one.id, room: "Room 3", startsAt: at("14:00"), endsAt: at("15:00") });
    expect(await bookMeeting(db, { requestId: (await request()).id, vloId: two.id, room: "Room 3", startsAt: at("14:30"), endsAt: at("15:30") })).toEqual({ ok: false, reason: "overlap" });
    await cancelMeeting(db, (booked as { meetingId: string }).meetingId);
    expect((await bookMeeting(db, { requestId: (await request()).id, vloId: two.id, room: "Room 3", startsAt: at("14:30"), endsAt: at("15:30") })).ok).toBe(true);
  });

  it("gives exactly one booking out of 50 simultaneous overlapping attempts from two instances", async () => {
    const { user: vlo } = await makeUser(db, { roles: ["VLO"], areaId: "wessex" });
    const requests = await Promise.all(Array.from({ length: 50 }, () => request("wessex")));
    const results = await Promise.all(
      requests.map((r, i) =>
        bookMeeting(i % 2 ? db : second, { requestId: r.id, vloId: vlo.id, startsAt: new Date(at("09:00").getTime() + i * 60_000), endsAt: new Date(at("10:00").getTime() + i * 60_000) }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "overlap")).toHaveLength(49);
    expect(await db.meeting.count({ where: { vloId: vlo.id, status: "BOOKED" } })).toBe(1);
  }, 60_000);
});
