// Safe contact first: no message about a meeting reaches a channel the victim ruled out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contactPlan } from "~/features/meetings/contact.ts";
import { bookRequest, createMeetingRequest, staffMeetingRequest } from "~/features/meetings/requests.server.ts";
import { meetingRequestSchema } from "~/features/meetings/schema.ts";
import type { Db } from "~/utils/db.server.ts";
import { createMigratedDatabase } from "../../setup/database.ts";
import { makeUser } from "../../setup/users.ts";

let db: Db;
beforeAll(async () => {
  ({ db } = await createMigratedDatabase());
});
afterAll(() => db.$disconnect());

describe("the contact plan", () => {
  it("e-mails the victim only when e-mail is safe and the ISVA is not the only way, for every combination", () => {
    for (let mask = 0; mask < 32; mask++) {
      const safe = { safeEmail: !!(mask & 1), safePhone: !!(mask & 2), safeVoicemail: !!(mask & 4), safeText: !!(mask & 8), onlyViaIsva: !!(mask & 16) };
      const plan = contactPlan(safe);
      expect(plan.emailVictim).toBe(safe.safeEmail && !safe.onlyViaIsva);
      if (!plan.emailVictim) expect(plan.prompt).toBe(safe.onlyViaIsva || !(safe.safePhone || safe.safeVoicemail || safe.safeText) ? "isva" : "phone");
    }
  });
});

const ORIGIN = "https://portal.example";
const base = { name: "Sam", forceId: "kent", format: "EITHER", phone: "01632 960123", email: "sam@home.example" };

async function request(channels: string[], extra: Record<string, unknown> = {}) {
  const input = meetingRequestSchema.parse({ ...base, channels, ...extra });
  return createMeetingRequest(db, input, "south-east", "cy", "https://portal.example");
}

describe("booking a requested meeting", () => {
  it("sends nothing to the victim when e-mail is not safe, and tells the VLO to phone", async () => {
    const { user: vlo } = await makeUser(db, { roles: ["VLO"], areaId: "south-east" });
    const { reference } = await request(["phone"]);
    const outcome = await bookRequest(db, vlo, reference, { startsAt: new Date("2027-02-01T10:00:00Z"), endsAt: new Date("2027-02-01T11:00:00Z") }, ORIGIN);
    expect(outcome).toMatchObject({ ok: true, emailedVictim: false, prompt: "phone", phone: "01632 960123" });
    expect(await db.outboxMessage.count({ where: { toAddress: "sam@home.example" } })).toBe(0);
  });

  it("sends nothing to the victim when they asked to be contacted only through their ISVA, even with e-mail ticked", async () => {
    const { user: vlo } = await makeUser(db, { roles: ["VLO"], areaId: "south-east" });
    const { reference } = await request(["email"], { email: "isva-only@home.example", onlyViaIsva: "yes" });
    const outcome = await bookRequest(db, vlo, reference, { startsAt: new Date("2027-02-02T10:00:00Z"), endsAt: new Date("2027-02-02T11:00:00Z") }, ORIGIN);
    expect(outcome).toMatchObject({ ok: true, emailedVictim: false, prompt: "isva" });
    expect(await db.outboxMessage.count({ where: { toAddress: "isva-only@home.example" } })).toBe(0);
  });

  it("e-mails a confirmation, in the victim's language, when e-mail is safe", async () => {
    const { user: vlo } = await makeUser(db, { roles: ["VLO"], areaId: "south-east" });
    const { reference } = await request(["email"], { email: "safe@home.example" });
    const outcome = await bookRequest(db, vlo, reference, { startsAt: new Date("2027-07-01T09:30:00Z"), endsAt: new Date("2027-07-01T10:30:00Z") }, ORIGIN);
    expect(outcome).toMatchObject({ ok: true, emailedVictim: true });
    // The confirmation now, and its reminder for later.
    const mails = await db.outboxMessage.findMany({ where: { toAddress: "safe@home.example" }, orderBy: { nextAttemptAt: "asc" } });
    expect(mails).toHaveLength(2);
    expect(mails[1]!.nextAttemptAt).toEqual(new Date("2027-06-29T09:30:00Z"));
    // British Summer Time: 09:30 UTC is 10:30 in London; the Welsh comes first.
    expect(mails[0]!.textBody).toContain("Dydd Iau 1 Gorffennaf 2027, 10:30yb");
  });

  it("keeps requests of one Area from the staff of another", async () => {
    const { user: other } = await makeUser(db, { roles: ["VLO"], areaId: "wessex" });
    const { reference } = await request(["phone"]);
    expect(await staffMeetingRequest(db, other, reference)).toBeNull();
    expect(await bookRequest(db, other, reference, { startsAt: new Date("2027-02-03T10:00:00Z"), endsAt: new Date("2027-02-03T11:00:00Z") }, ORIGIN)).toEqual({ ok: false, reason: "notFound" });
  });

  it("tells the Area without any of the victim's details", async () => {
    const { reference } = await request(["phone"], { access: "Step-free access please" });
    const notice = await db.outboxMessage.findFirstOrThrow({ where: { subject: { contains: reference } } });
    expect(notice.toAddress).toBe("rasso.south-east@cps.example");
    expect(notice.textBody).not.toMatch(/Sam|01632|Step-free/);
  });
});

describe("the request form's schema", () => {
  it("needs a safe way to make contact, with the details for it", () => {
    expect(meetingRequestSchema.safeParse({ ...base, channels: [] }).success).toBe(false);
    expect(meetingRequestSchema.safeParse({ ...base, channels: [], onlyViaIsva: "yes" }).success).toBe(true);
    expect(meetingRequestSchema.safeParse({ ...base, channels: ["email"], email: "not an address" }).success).toBe(false);
    expect(meetingRequestSchema.safeParse({ ...base, channels: ["text"], phone: "" }).success).toBe(false);
  });
});
