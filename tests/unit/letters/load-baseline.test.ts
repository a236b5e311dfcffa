// The baseline letters are loaded by every instance at start-up: instances
// starting together must not fail on each other's rows. A letter corrected in
// templates/letters reaches a database that has it already, as a version
// waiting for an editor's review.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveVersion, approvedVersion, createDraft, loadBaselineLetters, retireVersion } from "~/features/letters/letters.server.ts";
import { connectDb, type Db } from "~/utils/db.server.ts";
import { createMigratedDatabase } from "../../setup/database.ts";
import { makeUser } from "../../setup/users.ts";

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
    const loaded = await Promise.all([loadBaselineLetters(first), loadBaselineLetters(second)]);
    const templates = await first.letterTemplate.count();
    expect(templates).toBeGreaterThan(0);
    expect(loaded[0].added + loaded[1].added).toBe(templates);
    expect(await first.letterTemplateVersion.count()).toBe(templates);
    expect(await loadBaselineLetters(second)).toEqual({ added: 0, offered: 0 });
  });

  it("offers a corrected letter for review once, leaves the approved one in use until an editor approves it, and waits while a draft is open", async () => {
    const file = (id: string, lang: string) => fs.readFileSync(path.join(process.cwd(), "templates", "letters", id, `${lang}.txt`), "utf8");
    // Two letters as an earlier release had them.
    for (const id of ["charges-changed", "trial-date"]) {
      await first.letterTemplateVersion.updateMany({ where: { templateId: id, number: 1 }, data: { bodyEn: `Earlier ${id}.`, bodyCy: `Cynharach ${id}.` } });
      await first.letterTemplate.update({ where: { id }, data: { baselineDigest: "an earlier release" } });
    }
    const { user: editor } = await makeUser(first, { roles: ["LETTER_EDITOR"] });
    const { user: other } = await makeUser(first, { roles: ["LETTER_EDITOR"] });
    // An editor's draft of one of them is open.
    await createDraft(first, editor, "trial-date");

    const offered = await Promise.all([loadBaselineLetters(first), loadBaselineLetters(second)]);
    expect(offered[0].offered + offered[1].offered).toBe(1);
    const review = await first.letterTemplateVersion.findUniqueOrThrow({ where: { templateId_number: { templateId: "charges-changed", number: 2 } } });
    expect(review).toMatchObject({ status: "IN_REVIEW", authorId: null, bodyEn: file("charges-changed", "en"), bodyCy: file("charges-changed", "cy") });
    expect((await approvedVersion(first, "charges-changed"))?.bodyEn).toBe("Earlier charges-changed.");
    expect(await first.letterTemplateVersion.count({ where: { templateId: "trial-date" } })).toBe(2);
    expect(await first.auditEvent.count({ where: { action: "letter.baseline_offered", targetId: "charges-changed#2" } })).toBe(1);
    expect(await loadBaselineLetters(first)).toEqual({ added: 0, offered: 0 });

    await approveVersion(first, other, "charges-changed", 2);
    expect((await approvedVersion(first, "charges-changed"))?.bodyEn).toBe(file("charges-changed", "en"));
    expect(await loadBaselineLetters(first)).toEqual({ added: 0, offered: 0 });

    // The draft closed, the corrected trial-date letter is offered; an editor may set it aside.
    await retireVersion(first, editor, "trial-date", 2);
    expect(await loadBaselineLetters(first)).toEqual({ added: 0, offered: 1 });
    await retireVersion(first, other, "trial-date", 3);
    expect((await first.letterTemplateVersion.findUniqueOrThrow({ where: { templateId_number: { templateId: "trial-date", number: 3 } } })).status).toBe("RETIRED");
    // Set aside, it is not offered again.
    expect(await loadBaselineLetters(first)).toEqual({ added: 0, offered: 0 });
  });

  it("offers a release's text even when an earlier version had the same bodies (a change back, or to the metadata only)", async () => {
    await first.letterTemplate.update({ where: { id: "trial-date" }, data: { baselineDigest: "a release in between" } });
    expect(await loadBaselineLetters(first)).toEqual({ added: 0, offered: 1 });
    const latest = await first.letterTemplateVersion.findFirstOrThrow({ where: { templateId: "trial-date" }, orderBy: { number: "desc" } });
    expect(latest).toMatchObject({ number: 4, status: "IN_REVIEW", authorId: null });
  });

  it("takes a letter stored before its digest was kept, whose approved text is the release's, as loaded", async () => {
    await first.letterTemplate.update({ where: { id: "appeal-lodged" }, data: { baselineDigest: null } });
    expect(await loadBaselineLetters(first)).toEqual({ added: 0, offered: 0 });
    expect((await first.letterTemplate.findUniqueOrThrow({ where: { id: "appeal-lodged" } })).baselineDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(await first.letterTemplateVersion.count({ where: { templateId: "appeal-lodged" } })).toBe(1);
  });
});
