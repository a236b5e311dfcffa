// Saved replies: wording an Area's staff keep and edit, to start an answer
// from. Every read and change is scoped to the staff member's own Area.
import { audit } from "~/features/audit/audit.server.ts";
import { Prisma, type User } from "~/generated/prisma/client.ts";
import type { Db } from "~/utils/db.server.ts";

export function areaSnippets(db: Db, staff: User) {
  if (!staff.areaId) return Promise.resolve([]);
  return db.replySnippet.findMany({
    where: { areaId: staff.areaId },
    orderBy: { title: "asc" },
    select: { id: true, title: true, body: true },
  });
}

export function findSnippet(db: Db, staff: User, id: string) {
  if (!staff.areaId) return Promise.resolve(null);
  return db.replySnippet.findFirst({
    where: { id, areaId: staff.areaId },
    select: { id: true, title: true, body: true },
  });
}

export type SnippetResult =
  | { ok: true }
  | { ok: false; problem: "notFound" | "titleTaken" };

/** Adds a saved reply (no `id`) or changes one of the Area's own. */
export async function saveSnippet(
  db: Db,
  staff: User,
  input: { id?: string; title: string; body: string }
): Promise<SnippetResult> {
  const areaId = staff.areaId;
  if (!areaId) return { ok: false, problem: "notFound" };
  try {
    // The change and its audit row together, or neither.
    return await db.$transaction(async (tx): Promise<SnippetResult> => {
      let id = input.id;
      if (id) {
        const updated = await tx.replySnippet.updateMany({
          where: { id, areaId },
          data: { title: input.title, body: input.body },
        });
        if (updated.count !== 1) return { ok: false, problem: "notFound" };
      } else {
        id = (
          await tx.replySnippet.create({
            data: { areaId, title: input.title, body: input.body },
          })
        ).id;
      }
      await audit(tx, {
        actorId: staff.id,
        action: "snippet.saved",
        targetType: "reply_snippet",
        targetId: id,
        areaId,
      });
      return { ok: true };
    });
  } catch (error) {
    if (
      error instanceof Prisma.PrismaClientKnownRequestError &&
      error.code === "P2002"
    )
      return { ok: false, problem: "titleTaken" };
    throw error;
  }
}

export async function deleteSnippet(db: Db, staff: User, id: string) {
  const areaId = staff.areaId;
  if (!areaId) return false;
  return db.$transaction(async (tx) => {
    const deleted = await tx.replySnippet.deleteMany({ where: { id, areaId } });
    if (deleted.count !== 1) return false;
    await audit(tx, {
      actorId: staff.id,
      action: "snippet.deleted",
      targetType: "reply_snippet",
      targetId: id,
      areaId,
    });
    return true;
  });
}
