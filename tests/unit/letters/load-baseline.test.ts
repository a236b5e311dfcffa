// The baseline letters are loaded by every instance at start-up: instances
// starting together must not fail on each other's rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBaselineLetters } from "~/features/letters/letters.server.ts";
import { connectDb, type Db } from "~/utils/db.server.ts";
import { createMigratedDatabase } from "../../setup/database.ts";

let first: Db;
let second: Db;

beforeAll(async () => {
  const { url, db } = await createMigratedDatabase();
  first = db;
  second = connectDb(url, { max: 2 });
});

afterAll(async () => {
  await first?.$disconnect();
  await second?.$disconnect();
});

describe("loading the baseline letters", () => {
  it("on two instances at once stores each letter once, and neither fails", async () => {
    const added = await Promise.all([loadBaselineLetters(first), loadBaselineLetters(second)]);
    const templates = await first.letterTemplate.count();
    expect(templates).toBeGreaterThan(0);
    expect(added[0] + added[1]).toBe(templates);
    expect(await first.letterTemplateVersion.count()).toBe(templates);
    expect(await loadBaselineLetters(second)).toBe(0);
  });
});
