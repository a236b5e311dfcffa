// Saved replies: kept per Area, names unique within it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  areaSnippets,
  deleteSnippet,
  findSnippet,
  saveSnippet,
} from "~/features/queries/snippets.server.ts";
import type { User } from "~/generated/prisma/client.ts";
import type { Db } from "~/utils/db.server.ts";
import { createMigratedDatabase } from "../../setup/database.ts";
import { makeUser } from "../../setup/users.ts";

let db: Db;
let north: User;
let south: User;

beforeAll(async () => {
  ({ db } = await createMigratedDatabase());
  north = (await makeUser(db, { roles: ["AREA_STAFF"], areaId: "north-east" }))
    .user as User;
  south = (await makeUser(db, { roles: ["VLO"], areaId: "south-west" }))
    .user as User;
});
afterAll(() => db.$disconnect());

describe("saved replies", () => {
  it("are added, changed and removed within one Area, in order of name", async () => {
    expect(
      await saveSnippet(db, north, {
        title: "Trial date",
        body: "The trial date is not fixed yet.",
      })
    ).toEqual({ ok: true });
    expect(
      await saveSnippet(db, north, {
        title: "Charging",
        body: "The file is with a prosecutor.",
      })
    ).toEqual({ ok: true });
    const [charging, trial] = await areaSnippets(db, north);
    expect([charging!.title, trial!.title]).toEqual(["Charging", "Trial date"]);
    expect(
      await saveSnippet(db, north, {
        id: trial!.id,
        title: "Trial date",
        body: "Changed wording.",
      })
    ).toEqual({ ok: true });
    expect((await findSnippet(db, north, trial!.id))?.body).toBe(
      "Changed wording."
    );
    expect(await deleteSnippet(db, north, charging!.id)).toBe(true);
    expect(
      (await areaSnippets(db, north)).map((snippet) => snippet.title)
    ).toEqual(["Trial date"]);
  });

  it("refuse a name the Area already uses, but not one another Area uses", async () => {
    await saveSnippet(db, north, { title: "Special measures", body: "A" });
    expect(
      await saveSnippet(db, north, { title: "Special measures", body: "B" })
    ).toEqual({ ok: false, problem: "titleTaken" });
    expect(
      await saveSnippet(db, south, { title: "Special measures", body: "C" })
    ).toEqual({ ok: true });
  });

  it("are out of another Area's reach", async () => {
    const [theirs] = await areaSnippets(db, north);
    expect(await findSnippet(db, south, theirs!.id)).toBeNull();
    expect(
      await saveSnippet(db, south, {
        id: theirs!.id,
        title: "Mine now",
        body: "x",
      })
    ).toEqual({ ok: false, problem: "notFound" });
    expect(await deleteSnippet(db, south, theirs!.id)).toBe(false);
    expect((await findSnippet(db, north, theirs!.id))?.title).toBe(
      theirs!.title
    );
  });
});
