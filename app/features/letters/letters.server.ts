// Template letters: the reviewed baseline in templates/letters is version 1 of
// each; editors make drafts, another editor approves them, and Area staff
// render the current approved version for a case. Every step is audited;
// rendered letters and their values are never stored or logged.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { audit } from "~/features/audit/audit.server.ts";
import type { Lang } from "~/features/i18n/languages.ts";
import { Prisma, type LetterTemplateVersion, type User } from "~/generated/prisma/client.ts";
import type { Db } from "~/utils/db.server.ts";
import { projectRoot } from "~/utils/project-root.server.ts";
import { plainEnglishChecks } from "./plain-english.ts";
import { checkTemplate, letterTop, renderLetter, toHtml, toPlainText, type LetterMeta } from "./template-language.ts";

export class LetterWorkflowError extends Error {
  constructor(public readonly key: string) {
    super(key);
  }
}

export function metaOf(version: LetterTemplateVersion): LetterMeta {
  return {
    name: { en: version.nameEn, cy: version.nameCy },
    sender: { en: version.senderEn, cy: version.senderCy },
    stage: "",
    placeholders: version.placeholders as LetterMeta["placeholders"],
    examples: version.examples as LetterMeta["examples"],
  };
}

/**
 * Loads the reviewed letters in templates/letters. A letter the database does
 * not have yet becomes its approved version 1. A letter it has, whose text in
 * templates/letters (bodies and metadata) differs from the text last loaded
 * (a release corrected it), gets that text once, as a new version waiting for
 * review: an editor approves it or sets it aside, so a correction reaches every
 * portal and nothing changes a letter without a person's approval. While
 * another version of the letter is a draft or in review, the new text waits
 * for the next start.
 */
export async function loadBaselineLetters(db: Db): Promise<{ added: number; offered: number }> {
  const dir = path.join(projectRoot(), "templates", "letters");
  const loaded = { added: 0, offered: 0 };
  if (!fs.existsSync(dir)) return loaded;
  for (const id of fs.readdirSync(dir).sort()) {
    if (!fs.existsSync(path.join(dir, id, "meta.json"))) continue;
    const read = (file: string) => fs.readFileSync(path.join(dir, id, file), "utf8");
    const meta = JSON.parse(read("meta.json")) as LetterMeta;
    const content = {
      nameEn: meta.name.en,
      nameCy: meta.name.cy,
      senderEn: meta.sender.en,
      senderCy: meta.sender.cy,
      bodyEn: read("en.txt"),
      bodyCy: read("cy.txt"),
      placeholders: meta.placeholders,
      examples: meta.examples as Prisma.InputJsonValue,
    };
    const digest = createHash("sha256").update(JSON.stringify([meta.stage, content])).digest("hex");
    try {
      const template = await db.letterTemplate.findUnique({
        where: { id },
        include: { versions: { orderBy: { number: "desc" }, select: { number: true, status: true, bodyEn: true, bodyCy: true } } },
      });
      if (!template) {
        await db.letterTemplate.create({
          data: { id, stage: meta.stage, baselineDigest: digest, versions: { create: { ...content, number: 1, status: "APPROVED", approvedAt: new Date() } } },
        });
        loaded.added += 1;
        continue;
      }
      if (template.baselineDigest === digest) continue;
      const { versions } = template;
      if (versions.some((v) => v.status === "DRAFT" || v.status === "IN_REVIEW")) continue;
      // Stored before the digest was kept: the text in use is the release's own.
      if (template.baselineDigest === null && versions.some((v) => v.status === "APPROVED" && v.bodyEn === content.bodyEn && v.bodyCy === content.bodyCy)) {
        await db.letterTemplate.updateMany({ where: { id, baselineDigest: null }, data: { baselineDigest: digest } });
        continue;
      }
      const number = (versions[0]?.number ?? 0) + 1;
      const offered = await db.$transaction(async (tx) => {
        // Only the instance that moves the digest on offers the text.
        const moved = await tx.letterTemplate.updateMany({ where: { id, baselineDigest: template.baselineDigest }, data: { baselineDigest: digest } });
        if (moved.count !== 1) return false;
        await tx.letterTemplateVersion.create({ data: { ...content, templateId: id, number, status: "IN_REVIEW", submittedAt: new Date() } });
        await audit(tx, { action: "letter.baseline_offered", targetType: "letter", targetId: `${id}#${number}` });
        return true;
      });
      if (offered) loaded.offered += 1;
    } catch (error) {
      // Another instance, or an editor's new draft, took the number at the same moment.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") continue;
      throw error;
    }
  }
  return loaded;
}

export async function listLetters(db: Db) {
  const templates = await db.letterTemplate.findMany({
    orderBy: { id: "asc" },
    include: { versions: { orderBy: { number: "desc" }, select: { number: true, status: true, nameEn: true, nameCy: true } } },
  });
  return templates.map((template) => ({
    id: template.id,
    stage: template.stage,
    name: { en: template.versions[0]?.nameEn ?? template.id, cy: template.versions[0]?.nameCy ?? template.id },
    approved: template.versions.find((v) => v.status === "APPROVED")?.number ?? null,
    pending: template.versions.filter((v) => v.status === "DRAFT" || v.status === "IN_REVIEW").map((v) => ({ number: v.number, status: v.status })),
  }));
}

export async function letterVersions(db: Db, templateId: string) {
  const versions = await db.letterTemplateVersion.findMany({ where: { templateId }, orderBy: { number: "desc" } });
  const people = await db.user.findMany({
    where: { id: { in: versions.flatMap((v) => [v.authorId, v.approverId]).filter((id): id is string => Boolean(id)) } },
    select: { id: true, name: true },
  });
  const name = (id: string | null) => (id ? (people.find((p) => p.id === id)?.name ?? "") : null);
  return versions.map((v) => ({ ...v, authorName: name(v.authorId), approverName: name(v.approverId) }));
}

export function getVersion(db: Db, templateId: string, number: number) {
  return db.letterTemplateVersion.findUnique({ where: { templateId_number: { templateId, number } } });
}

export function approvedVersion(db: Db, templateId: string) {
  return db.letterTemplateVersion.findFirst({ where: { templateId, status: "APPROVED" }, orderBy: { number: "desc" } });
}

/**
 * A new draft from the approved version (never from an unapproved one, which
 * would let its text pass to a new author); an editor's existing draft is reused.
 */
export async function createDraft(db: Db, editor: User, templateId: string) {
  return db.$transaction(async (tx) => {
    const latest = await tx.letterTemplateVersion.findFirst({ where: { templateId }, orderBy: { number: "desc" } });
    if (!latest) throw new LetterWorkflowError("letters.errors.notFound");
    if (latest.status === "DRAFT" && latest.authorId === editor.id) return latest;
    if (latest.status === "DRAFT" || latest.status === "IN_REVIEW") throw new LetterWorkflowError("letters.errors.pendingExists");
    const base = (await tx.letterTemplateVersion.findFirst({ where: { templateId, status: "APPROVED" }, orderBy: { number: "desc" } })) ?? latest;
    const { id: _id, number: _number, status: _s, authorId: _a, approverId: _p, checksOverride: _c, submittedAt: _sa, approvedAt: _aa, retiredAt: _r, createdAt: _ca, updatedAt: _u, ...content } = base;
    const draft = await tx.letterTemplateVersion.create({
      data: { ...content, placeholders: base.placeholders ?? {}, examples: base.examples ?? [], number: latest.number + 1, status: "DRAFT", authorId: editor.id },
    });
    await audit(tx, { actorId: editor.id, action: "letter.draft_created", targetType: "letter", targetId: `${templateId}#${draft.number}` });
    return draft;
  });
}

export async function saveDraft(db: Db, editor: User, templateId: string, number: number, body: { en: string; cy: string }) {
  const updated = await db.letterTemplateVersion.updateMany({
    where: { templateId, number, status: "DRAFT", authorId: editor.id },
    data: { bodyEn: body.en, bodyCy: body.cy },
  });
  if (updated.count !== 1) throw new LetterWorkflowError("letters.errors.notEditable");
  await audit(db, { actorId: editor.id, action: "letter.draft_saved", targetType: "letter", targetId: `${templateId}#${number}` });
}

export async function submitForReview(db: Db, editor: User, templateId: string, number: number) {
  const version = await getVersion(db, templateId, number);
  if (!version || version.status !== "DRAFT" || version.authorId !== editor.id) throw new LetterWorkflowError("letters.errors.notEditable");
  if (versionProblems(version).length) throw new LetterWorkflowError("letters.errors.templateProblems");
  await db.letterTemplateVersion.update({ where: { id: version.id }, data: { status: "IN_REVIEW", submittedAt: new Date() } });
  await audit(db, { actorId: editor.id, action: "letter.submitted", targetType: "letter", targetId: `${templateId}#${number}` });
}

/** Approval by a different editor. Checks must pass, or the approver gives a reason. */
export async function approveVersion(db: Db, approver: User, templateId: string, number: number, overrideReason?: string) {
  return db.$transaction(async (tx) => {
    const version = await tx.letterTemplateVersion.findUnique({ where: { templateId_number: { templateId, number } } });
    if (!version || version.status !== "IN_REVIEW") throw new LetterWorkflowError("letters.errors.notInReview");
    if (version.authorId === approver.id) throw new LetterWorkflowError("letters.errors.ownVersion");
    if (versionProblems(version).length) throw new LetterWorkflowError("letters.errors.templateProblems");
    const failing = versionChecks(version).filter((check) => !check.ok);
    const reason = overrideReason?.trim();
    if (failing.length && !reason) throw new LetterWorkflowError("letters.errors.checksFailing");
    await tx.letterTemplateVersion.updateMany({ where: { templateId, status: "APPROVED" }, data: { status: "RETIRED", retiredAt: new Date() } });
    await tx.letterTemplateVersion.update({
      where: { id: version.id },
      data: { status: "APPROVED", approverId: approver.id, approvedAt: new Date(), checksOverride: failing.length ? reason : null },
    });
    await audit(tx, {
      actorId: approver.id,
      action: "letter.approved",
      targetType: "letter",
      targetId: `${templateId}#${number}`,
      detail: failing.length ? { overridden: failing.map((check) => check.id) } : undefined,
    });
  });
}

/**
 * Editors withdraw their own drafts; an approved version is withdrawn only by
 * an editor other than its author, as with approval; a release's corrected
 * text waiting for review (it has no author) may be set aside by any editor.
 */
export async function retireVersion(db: Db, editor: User, templateId: string, number: number) {
  const updated = await db.letterTemplateVersion.updateMany({
    where: {
      templateId,
      number,
      OR: [
        { status: { in: ["DRAFT", "IN_REVIEW"] }, authorId: editor.id },
        // A release's corrected text, waiting for review: any editor may set it aside.
        { status: "IN_REVIEW", authorId: null },
        { status: "APPROVED", OR: [{ authorId: null }, { authorId: { not: editor.id } }] },
      ],
    },
    data: { status: "RETIRED", retiredAt: new Date() },
  });
  if (updated.count !== 1) throw new LetterWorkflowError("letters.errors.notFound");
  await audit(db, { actorId: editor.id, action: "letter.retired", targetType: "letter", targetId: `${templateId}#${number}` });
}

/** Problems that make a version unusable: syntax, placeholders, examples. */
export function versionProblems(version: LetterTemplateVersion) {
  return checkTemplate(metaOf(version), { en: version.bodyEn, cy: version.bodyCy });
}

export function versionChecks(version: Pick<LetterTemplateVersion, "bodyEn" | "bodyCy"> & Partial<LetterTemplateVersion>) {
  const problems = version.placeholders ? checkTemplate(metaOf(version as LetterTemplateVersion), { en: version.bodyEn, cy: version.bodyCy }) : [];
  return plainEnglishChecks({ en: version.bodyEn, cy: version.bodyCy }, problems.map((problem) => problem.message));
}

/**
 * A version rendered with values, in one language, with the Area's address
 * lines under its name; throws LetterRenderError when values are missing or wrong.
 */
export function renderVersion(version: LetterTemplateVersion, values: Record<string, unknown>, lang: Lang, areaLines: readonly string[] = []) {
  const meta = metaOf(version);
  const rendered = renderLetter(meta, lang === "cy" ? version.bodyCy : version.bodyEn, values, lang);
  const top = { ...letterTop(meta, values, lang, areaLines), lang };
  return { ...rendered, top, html: toHtml(rendered, top), text: toPlainText(rendered, top) };
}
