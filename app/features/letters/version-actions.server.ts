// What an editor does with one version of a letter, one form at a time: save
// the draft, send it for review, approve it (with a reason where a check
// fails) or retire it. A refusal comes back with everything typed, whole.
import type { User } from "~/generated/prisma/client.ts";
import type { Db } from "~/utils/db.server.ts";
import { MAX_LETTER_BODY, tooLong } from "~/utils/limits.ts";
import { approveVersion, LetterWorkflowError, retireVersion, saveDraft, submitForReview } from "./letters.server.ts";

const MAX_OVERRIDE_REASON = 1000;

export type VersionTyped = { bodyEn: string; bodyCy: string; overrideReason: string };
export type VersionRefusal = { error: string; field: keyof VersionTyped; typed: VersionTyped };

/** Carries out the form's intent; null when it is done, a refusal to show otherwise. An unknown intent is a 400, thrown. */
export async function actOnVersion(db: Db, editor: User, id: string, number: number, form: FormData): Promise<VersionRefusal | null> {
  const typed: VersionTyped = {
    bodyEn: String(form.get("bodyEn") ?? ""),
    bodyCy: String(form.get("bodyCy") ?? ""),
    overrideReason: String(form.get("overrideReason") ?? ""),
  };
  const refuse = (field: keyof VersionTyped, error: string): VersionRefusal => ({ error, field, typed });
  const intent = form.get("intent");
  try {
    switch (intent) {
      case "save":
      case "submit":
        if (typed.bodyEn.length > MAX_LETTER_BODY) return refuse("bodyEn", "letters.errors.tooLong");
        if (typed.bodyCy.length > MAX_LETTER_BODY) return refuse("bodyCy", "letters.errors.tooLong");
        await saveDraft(db, editor, id, number, { en: typed.bodyEn, cy: typed.bodyCy });
        if (intent === "submit") await submitForReview(db, editor, id, number);
        return null;
      case "approve":
        if (typed.overrideReason.length > MAX_OVERRIDE_REASON) return refuse("overrideReason", tooLong(MAX_OVERRIDE_REASON));
        await approveVersion(db, editor, id, number, typed.overrideReason);
        return null;
      case "retire":
        await retireVersion(db, editor, id, number);
        return null;
      default:
        throw new Response("Bad request", { status: 400 });
    }
  } catch (error) {
    if (error instanceof LetterWorkflowError) return refuse(intent === "approve" ? "overrideReason" : "bodyEn", error.key);
    throw error;
  }
}
