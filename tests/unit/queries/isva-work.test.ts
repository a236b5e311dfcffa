// The ISVA's list: queries and meeting requests together, replies unread until opened.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMeetingRequest } from "~/features/meetings/requests.server.ts";
import { meetingRequestSchema } from "~/features/meetings/schema.ts";
import { isvaWork } from "~/features/queries/isva-work.server.ts";
import {
  isvaQuery,
  markReadByIsva,
  replyToQuery,
} from "~/features/queries/queries.server.ts";
import type { User } from "~/generated/prisma/client.ts";
import type { Db } from "~/utils/db.server.ts";
import { createMigratedDatabase } from "../../setup/database.ts";
import { sendQuery } from "../../setup/queries.ts";
import { makeUser } from "../../setup/users.ts";

let db: Db;
let isva: User;
let staff: User;

beforeAll(async () => {
  ({ db } = await createMigratedDatabase());
  isva = (await makeUser(db, { roles: ["ISVA"], organisation: "Work service" }))
    .user as User;
  staff = (await makeUser(db, { roles: ["AREA_STAFF"], areaId: "wessex" }))
    .user as User;
});
afterAll(() => db.$disconnect());

describe("the ISVA's work list", () => {
  it("lists queries and meeting requests together, a reply unread until the ISVA opens the query", async () => {
    const first = await sendQuery(db, isva, "wessex");
    const second = await sendQuery(db, isva, "wessex");
    const input = meetingRequestSchema.parse({
      name: "Sam",
      forceId: "hampshire",
      format: "EITHER",
      phone: "01632 960123",
      channels: ["phone"],
    });
    const { reference: meeting } = await createMeetingRequest(
      db,
      input,
      "wessex",
      "en",
      "https://portal.example",
      { kind: "ISVA", user: isva }
    );
    const summary = async () =>
      (await isvaWork(db, isva, "en")).map((row) => [
        row.kind,
        row.reference,
        row.unread,
      ]);

    expect(await summary()).toEqual([
      ["meeting", meeting, false],
      ["query", second.reference, false],
      ["query", first.reference, false],
    ]);
    await replyToQuery(
      db,
      staff,
      first.reference,
      "An answer",
      "https://portal.example"
    );
    expect((await summary())[0]).toEqual(["query", first.reference, true]);

    const opened = await isvaQuery(db, isva, first.reference);
    await markReadByIsva(db, isva, opened!.id);
    expect((await summary()).filter((row) => row[2])).toEqual([]);

    await new Promise((resolve) => setTimeout(resolve, 5));
    await replyToQuery(
      db,
      staff,
      first.reference,
      "And another",
      "https://portal.example"
    );
    expect((await summary())[0]).toEqual(["query", first.reference, true]);
    expect(
      (await isvaWork(db, isva, "cy")).find((row) => row.kind === "query")
    ).toMatchObject({
      status: "queries.statuses.ANSWERED",
      sent: expect.stringMatching(/ 20\d\d$/),
    });
  });

  it("is not marked read by another ISVA", async () => {
    const { reference } = await sendQuery(db, isva, "wessex");
    await replyToQuery(
      db,
      staff,
      reference,
      "Answer",
      "https://portal.example"
    );
    const other = (
      await makeUser(db, { roles: ["ISVA"], organisation: "Other" })
    ).user as User;
    const query = await db.isvaQuery.findUniqueOrThrow({
      where: { reference },
    });
    await markReadByIsva(db, other, query.id);
    expect(
      (await isvaWork(db, isva, "en")).find(
        (row) => row.reference === reference
      )?.unread
    ).toBe(true);
  });
});
