// Each e-mail is in its recipient's language: English only, or Welsh first then
// English for someone who chose Welsh and for CPS Cymru-Wales.
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  registerIsva,
  setMailLanguage,
} from "~/features/auth/accounts.server.ts";
import { mailLanguage, renderEmail } from "~/features/mail/emails.server.ts";
import {
  bookRequest,
  createMeetingRequest,
} from "~/features/meetings/requests.server.ts";
import { meetingRequestSchema } from "~/features/meetings/schema.ts";
import { replyToQuery } from "~/features/queries/queries.server.ts";
import type { User } from "~/generated/prisma/client.ts";
import type { Db } from "~/utils/db.server.ts";
import { createMigratedDatabase } from "../../setup/database.ts";
import { sendQuery } from "../../setup/queries.ts";
import { makeUser } from "../../setup/users.ts";

const ORIGIN = "https://portal.example";
let db: Db;

beforeAll(async () => {
  ({ db } = await createMigratedDatabase());
});
afterAll(() => db.$disconnect());

const mailTo = (address: string) =>
  db.outboxMessage.findMany({
    where: { toAddress: address },
    orderBy: { createdAt: "asc" },
  });
const WELSH_REPLY = "Mae'r CPS wedi ateb eich ymholiad";
const ENGLISH_REPLY = "The CPS has replied to your query";

describe("the language of an e-mail", () => {
  it("is English only unless the recipient chose Welsh or it is to or for CPS Cymru-Wales", () => {
    expect(mailLanguage(null)).toBe("en");
    expect(mailLanguage("en", "london-south")).toBe("en");
    expect(mailLanguage("cy", "london-south")).toBe("cy");
    expect(mailLanguage(null, "cymru-wales")).toBe("cy");
    expect(mailLanguage("something else")).toBe("en");
  });

  it("renders English alone, or Welsh first and then English", () => {
    const english = renderEmail("query-reply", "en", {
      reference: "Q-AAAA-BBBB",
      link: "https://x.example/a",
    });
    expect(english.subject).toBe("There is a reply to your query Q-AAAA-BBBB");
    expect(english.text).toContain(ENGLISH_REPLY);
    expect(english.text).not.toContain(WELSH_REPLY);
    const both = renderEmail("query-reply", "cy", {
      reference: "Q-AAAA-BBBB",
      link: "https://x.example/a",
    });
    expect(both.subject).toBe(
      "Mae ateb i'ch ymholiad Q-AAAA-BBBB / There is a reply to your query Q-AAAA-BBBB"
    );
    expect(both.text.indexOf(WELSH_REPLY)).toBeLessThan(
      both.text.indexOf(ENGLISH_REPLY)
    );
    expect(both.text.indexOf(WELSH_REPLY)).toBeGreaterThanOrEqual(0);
  });
});

describe("query e-mails", () => {
  it("go to London South's mailbox in English, and to Cymru-Wales's in Welsh first", async () => {
    const { user: isva } = await makeUser(db, {
      roles: ["ISVA"],
      organisation: "Language service",
    });
    const south = await sendQuery(db, isva, "london-south");
    const wales = await sendQuery(db, isva, "cymru-wales");
    const [toSouth] = (await mailTo("rasso.london-south@cps.example")).filter(
      (row) => row.subject.includes(south.reference)
    );
    const [toWales] = (
      await db.outboxMessage.findMany({
        where: {
          subject: { contains: wales.reference },
          toAddress: { startsWith: "rasso." },
        },
      })
    ).filter(Boolean);
    expect(toSouth!.subject).toBe(
      `New ISVA query ${south.reference} for CPS London South`
    );
    expect(toSouth!.textBody).not.toMatch(/Ymholiad|Cyfeirnod/);
    expect(toWales!.subject).toMatch(
      /^Ymholiad ISVA newydd .* \/ New ISVA query /
    );
  });

  it("go to the ISVA in the language they chose, with links in that language", async () => {
    const { user } = await makeUser(db, {
      roles: ["ISVA"],
      organisation: "Language service",
    });
    const { user: staff } = await makeUser(db, {
      roles: ["AREA_STAFF"],
      areaId: "london-south",
    });
    const { reference } = await sendQuery(db, user, "london-south");
    await replyToQuery(db, staff, reference, "First reply", ORIGIN);
    await setMailLanguage(db, user, "cy");
    const chose = (await db.user.findUniqueOrThrow({
      where: { id: user.id },
    })) as User;
    await replyToQuery(db, staff, reference, "Second reply", ORIGIN);
    const replies = (await mailTo(chose.email)).filter(
      (row) => row.subject.includes("reply") || row.subject.includes("ateb")
    );
    expect(replies).toHaveLength(2);
    expect(replies[0]!.textBody).toContain(ENGLISH_REPLY);
    expect(replies[0]!.textBody).not.toContain(WELSH_REPLY);
    expect(replies[0]!.textBody).toContain(
      `${ORIGIN}/isva/queries/${reference}`
    );
    expect(replies[1]!.textBody.indexOf(WELSH_REPLY)).toBe(0);
    expect(replies[1]!.textBody).toContain(
      `${ORIGIN}/cy/isva/queries/${reference}`
    );
  });

  it("keep the language of the registration form as the ISVA's choice", async () => {
    const email = `cymraeg.${Date.now()}@unrecognised.example`;
    await registerIsva(
      db,
      {
        name: "Rhian",
        email,
        organisation: "Gwasanaeth",
        password: "amber-thistle-compass-orchard-9",
        language: "cy",
      },
      ORIGIN
    );
    expect(
      (await db.user.findUniqueOrThrow({ where: { email } })).language
    ).toBe("cy");
    const [verify] = await mailTo(email);
    expect(verify!.subject).toMatch(/ \/ /);
    expect(verify!.textBody).toContain(`${ORIGIN}/cy/verify-email?token=`);
  });
});

describe("meeting e-mails", () => {
  it("reach a victim who asked in Welsh in Welsh first and their ISVA in English, with invites naming each attendee and the Area once", async () => {
    const { user: vlo } = await makeUser(db, {
      roles: ["VLO"],
      areaId: "south-east",
    });
    const { user: isva } = await makeUser(db, {
      roles: ["ISVA"],
      organisation: "Language service",
    });
    const input = meetingRequestSchema.parse({
      name: "Sam",
      forceId: "kent",
      format: "EITHER",
      phone: "01632 960123",
      channels: ["email"],
      email: "sam.cy@home.example",
    });
    const { reference } = await createMeetingRequest(
      db,
      input,
      "south-east",
      "cy",
      ORIGIN,
      { kind: "ISVA", user: isva }
    );
    const startsAt = new Date("2032-03-02T10:00:00Z");
    expect(
      await bookRequest(
        db,
        vlo,
        reference,
        { startsAt, endsAt: new Date("2032-03-02T11:00:00Z"), mode: "VIDEO" },
        ORIGIN
      )
    ).toMatchObject({ ok: true, emailedVictim: true, emailedIsva: true });
    const area = await db.area.findUniqueOrThrow({
      where: { id: "south-east" },
    });
    const [toVictim] = await mailTo("sam.cy@home.example");
    const [toIsva] = (await mailTo(isva.email)).filter((row) =>
      row.subject.includes(reference)
    );
    expect(toVictim!.subject).toMatch(/ \/ /);
    expect(toIsva!.subject).not.toMatch(/ \/ /);
    expect(toIsva!.textBody).toContain("The calendar invitation is attached.");
    for (const [row, name, email, organiser] of [
      [toVictim!, "Gwestai", "sam.cy@home.example", area.nameCy],
      [toIsva!, "ISVA", isva.email, area.nameEn],
    ] as const) {
      const [attachment] = row.attachments as { content: string }[];
      const event = new ICAL.Component(
        ICAL.parse(Buffer.from(attachment!.content, "base64").toString("utf8"))
      ).getFirstSubcomponent("vevent")!;
      expect(event.getFirstProperty("organizer")!.getParameter("cn")).toBe(
        organiser
      );
      expect(String(organiser)).not.toMatch(/^CPS CPS/);
      const attendees = event.getAllProperties("attendee");
      expect(
        attendees.map((property) => [
          property.getParameter("cn"),
          String(property.getFirstValue()).replace(/^mailto:/i, ""),
        ])
      ).toEqual([[name, email]]);
    }
  });
});
