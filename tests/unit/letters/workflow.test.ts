import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveVersion, createDraft, getVersion, LetterWorkflowError, saveDraft, submitForReview } from "~/features/letters/letters.server.ts";
import type { Db } from "~/utils/db.server.ts";
import { createMigratedDatabase, sql } from "../../setup/database.ts";
import { makeUser } from "../../setup/users.ts";

let db: Db;
let url: string;

const EN = `# We have a date for the trial

Dear ((victim_name)),

The trial starts on ((trial_date)). It will be at the Crown Court.

## Who to contact

Call ((contact_name)) on ((contact_phone)). Please quote ((reference)). From ((area_name)), ((letter_date)).`;
const CY = `# Mae gennym ddyddiad ar gyfer y treial

Annwyl ((victim_name)),

Mae'r treial yn dechrau ar ((trial_date)). Bydd yn Llys y Goron.

## Pwy i gysylltu â nhw

Ffoniwch ((contact_name)) ar ((contact_phone)). Rhowch ((reference)). Gan ((area_name)), ((letter_date)).`;

beforeAll(async () => {
  ({ db, url } = await createMigratedDatabase());
  const text = { type: "text", required: true };
  await db.letterTemplate.create({
    data: {
      id: "test-trial-date",
      stage: "trial",
      versions: {
        create: {
          number: 1,
          status: "APPROVED",
          nameEn: "Trial date",
          nameCy: "Dyddiad y treial",
          senderEn: "The RASSO unit",
          senderCy: "Yr uned RASSO",
          bodyEn: EN,
          bodyCy: CY,
          placeholders: {
            victim_name: text, reference: text, area_name: text, contact_name: text, contact_phone: text,
            letter_date: { type: "date", required: true }, trial_date: { type: "date", required: true },
          },
          examples: [{ victim_name: "Sam", reference: "45CD0303421", area_name: "CPS South East", contact_name: "Jo", contact_phone: "0300 000 0000", letter_date: "2026-11-23", trial_date: "2027-03-08" }],
        },
      },
    },
  });
});
afterAll(() => db.$disconnect());

describe("the letter workflow", () => {
  it("makes a draft, which its author submits and only another editor approves", async () => {
    const { user: author } = await makeUser(db, { roles: ["LETTER_EDITOR"] });
    const { user: reviewer } = await makeUser(db, { roles: ["LETTER_EDITOR"] });
    const draft = await createDraft(db, author, "test-trial-date");
    expect(draft).toMatchObject({ number: 2, status: "DRAFT", authorId: author.id });
    await expect(saveDraft(db, reviewer, "test-trial-date", 2, { en: EN, cy: CY })).rejects.toThrow(LetterWorkflowError);
    await saveDraft(db, author, "test-trial-date", 2, { en: EN.replace("It will be", "It will take place"), cy: CY });
    await submitForReview(db, author, "test-trial-date", 2);

    await expect(approveVersion(db, author, "test-trial-date", 2)).rejects.toMatchObject({ key: "letters.errors.ownVersion" });
    await approveVersion(db, reviewer, "test-trial-date", 2);
    expect(await getVersion(db, "test-trial-date", 2)).toMatchObject({ status: "APPROVED", approverId: reviewer.id });
    expect(await getVersion(db, "test-trial-date", 1)).toMatchObject({ status: "RETIRED" });
    expect(await db.auditEvent.count({ where: { action: { startsWith: "letter." }, targetId: "test-trial-date#2" } })).toBeGreaterThanOrEqual(4);
  });

  it("refuses approval when a check fails, unless the approver gives a reason", async () => {
    const { user: author } = await makeUser(db, { roles: ["LETTER_EDITOR"] });
    const { user: reviewer } = await makeUser(db, { roles: ["LETTER_EDITOR"] });
    const draft = await createDraft(db, author, "test-trial-date");
    await saveDraft(db, author, "test-trial-date", draft.number, { en: EN.replace("Dear ((victim_name)),", "Dear ((victim_name)), the alleged victim, this is an NFA case."), cy: CY });
    await submitForReview(db, author, "test-trial-date", draft.number);
    await expect(approveVersion(db, reviewer, "test-trial-date", draft.number)).rejects.toMatchObject({ key: "letters.errors.checksFailing" });
    await approveVersion(db, reviewer, "test-trial-date", draft.number, "Wording agreed with the victims' panel");
    expect(await getVersion(db, "test-trial-date", draft.number)).toMatchObject({ status: "APPROVED", checksOverride: "Wording agreed with the victims' panel" });
  });

  it("will not submit a draft whose Welsh uses a value the English does not declare", async () => {
    const { user: author } = await makeUser(db, { roles: ["LETTER_EDITOR"] });
    const draft = await createDraft(db, author, "test-trial-date");
    await saveDraft(db, author, "test-trial-date", draft.number, { en: EN, cy: `${CY}\n\n((court_name))` });
    await expect(submitForReview(db, author, "test-trial-date", draft.number)).rejects.toMatchObject({ key: "letters.errors.templateProblems" });
  });

  it("is enforced by the database too: an approver is never the author", async () => {
    const draft = await db.letterTemplateVersion.findFirstOrThrow({ where: { templateId: "test-trial-date", status: "DRAFT" } });
    expect(draft.authorId).not.toBeNull();
    await expect(sql(url, `UPDATE letter_template_version SET approver_id = author_id WHERE id = $1`, [draft.id])).rejects.toThrow(/x_approver_is_not_author/);
  });
});
