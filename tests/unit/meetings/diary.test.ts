// The VLO's week: published, offered and booked times, day by day in UK time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishSlot } from "~/features/meetings/booking.server.ts";
import { vloWeek, weekOf } from "~/features/meetings/diary.server.ts";
import {
  bookRequest,
  createMeetingRequest,
} from "~/features/meetings/requests.server.ts";
import { meetingRequestSchema } from "~/features/meetings/schema.ts";
import type { User } from "~/generated/prisma/client.ts";
import type { Db } from "~/utils/db.server.ts";
import { createMigratedDatabase } from "../../setup/database.ts";
import { makeUser } from "../../setup/users.ts";

const AREA = "east-midlands";
let db: Db;
let vlo: User;
let colleague: User;

beforeAll(async () => {
  ({ db } = await createMigratedDatabase());
  vlo = (await makeUser(db, { roles: ["VLO"], areaId: AREA })).user as User;
  colleague = (await makeUser(db, { roles: ["VLO"], areaId: AREA }))
    .user as User;
});
afterAll(() => db.$disconnect());

describe("weekOf", () => {
  it("finds the Monday of a week, and this week's for anything that is not a date", () => {
    expect(weekOf("2031-10-26")).toBe("2031-10-20");
    expect(weekOf("2031-10-20")).toBe("2031-10-20");
    expect(weekOf("2031-10-21")).toBe("2031-10-20");
    expect(weekOf("not-a-date", "2026-12-10")).toBe("2026-12-07");
    expect(weekOf("2026-13-45", "2026-12-06")).toBe("2026-11-30");
    expect(weekOf(null, "2026-12-07")).toBe("2026-12-07");
    // Dates a week from which cannot be worked out, or far from now, give this week.
    expect(weekOf("9999-12-30", "2026-12-09")).toBe("2026-12-07");
    expect(weekOf("2026-02-30", "2026-12-09")).toBe("2026-12-07");
  });
});

describe("a VLO's week", () => {
  it("shows their open, offered and booked times on the right days in order, naming GMT or BST on the day the clocks change", async () => {
    const slot = async (at: string, who = vlo) => {
      const published = await publishSlot(db, {
        areaId: AREA,
        vloId: who.id,
        startsAt: new Date(at),
        endsAt: new Date(new Date(at).getTime() + 3_600_000),
        bufferMinutes: 15,
        mode: "IN_PERSON",
        location: "Room 4",
      });
      if (!published.ok) throw new Error("slot refused");
      return published.slotId;
    };
    // Monday 20 October 2031 (BST); the clocks go back on Sunday 26 October.
    await slot("2031-10-21T13:00:00Z");
    // 1:30am BST to 1:30am GMT: the hour that happens twice.
    await slot("2031-10-26T00:30:00Z");
    const offered = await slot("2031-10-21T09:00:00Z");
    await slot("2031-10-26T10:00:00Z");
    await slot("2031-10-22T09:00:00Z", colleague);
    await slot("2031-10-27T10:00:00Z");
    const input = meetingRequestSchema.parse({
      name: "Sam",
      forceId: "leicestershire",
      format: "EITHER",
      phone: "01632 960123",
      channels: ["phone"],
    });
    const { reference } = await createMeetingRequest(
      db,
      input,
      AREA,
      "en",
      "https://portal.example",
      { kind: "VLO", user: vlo }
    );
    await db.meetingSlot.update({
      where: { id: offered },
      data: {
        status: "PROPOSED",
        requestId: (
          await db.meetingRequest.findUniqueOrThrow({ where: { reference } })
        ).id,
      },
    });
    const { reference: bookedRef } = await createMeetingRequest(
      db,
      input,
      AREA,
      "en",
      "https://portal.example",
      { kind: "VLO", user: vlo }
    );
    expect(
      await bookRequest(
        db,
        vlo,
        bookedRef,
        {
          startsAt: new Date("2031-10-23T14:00:00Z"),
          endsAt: new Date("2031-10-23T15:00:00Z"),
          mode: "VIDEO",
        },
        "https://portal.example"
      )
    ).toMatchObject({ ok: true });

    const days = await vloWeek(db, vlo, "2031-10-20", "en");
    expect(days.map((day) => day.label)).toEqual([
      "Monday 20 October 2031",
      "Tuesday 21 October 2031",
      "Wednesday 22 October 2031",
      "Thursday 23 October 2031",
      "Friday 24 October 2031",
      "Saturday 25 October 2031",
      "Sunday 26 October 2031",
    ]);
    const shown = days.map((day) =>
      day.items.map((item) => [item.time, item.kind, item.reference])
    );
    expect(shown).toEqual([
      [],
      [
        ["10am to 11am", "offered", reference],
        ["2pm to 3pm", "open", null],
      ],
      [],
      [["3pm to 4pm", "meeting", bookedRef]],
      [],
      [],
      [
        ["1:30am BST to 1:30am GMT", "open", null],
        ["10am to 11am (GMT)", "open", null],
      ],
    ]);
    // Only today is marked.
    expect(
      (await vloWeek(db, vlo, "2031-10-20", "en", "2031-10-23")).map((day) => day.today)
    ).toEqual([false, false, false, true, false, false, false]);
    expect(
      (await vloWeek(db, vlo, "2031-10-20", "cy"))[1]!.items[1]!.time
    ).toBe("2yp i 3yp");
  });
});
