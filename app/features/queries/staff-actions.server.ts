// What Area staff do on a query's page, one form at a time: reply (or start a
// reply from a saved one), assign, change its status, add an internal note, or
// pass it to another Area with a reason. A query outside the person's Area is
// a 404, thrown, before any of the form's fields is acted on. Done, the answer
// is where to go next; refused, it is the page's errors with what was typed.
import type { User } from "~/generated/prisma/client.ts";
import { loadReferenceData } from "~/features/routing/reference.server.ts";
import type { Db } from "~/utils/db.server.ts";
import { parseWithZod } from "~/utils/forms.ts";
import { isUuid } from "~/utils/ids.ts";
import { refusedForm } from "~/utils/refused-form.server.ts";
import { addQueryNote, assignQuery, setQueryStatus, transferQuery } from "./history.server.ts";
import { isInStaffArea, replyToQuery } from "./queries.server.ts";
import { MAX_QUESTION, noteSchema, QUERY_STATUSES, replySchema, transferSchema } from "./schema.ts";
import { findSnippet } from "./snippets.server.ts";

type Answer =
  | { to: string }
  | ReturnType<typeof refusedForm>
  // A saved reply put into the reply box, to edit before sending.
  | { intent: "reply"; errors: []; values: { body: string } };

export async function actOnQuery(db: Db, staff: User, reference: string, form: FormData, origin: string): Promise<Answer> {
  if (!(await isInStaffArea(db, staff, reference))) throw new Response("Not found", { status: 404 });
  let done: unknown;
  switch (form.get("intent")) {
    case "reply": {
      const submission = parseWithZod(form, { schema: replySchema });
      if (submission.status !== "success") return refusedForm("reply", { body: submission.error?.body?.[0] ?? "queries.errors.reply" }, form, ["body"]);
      done = await replyToQuery(db, staff, reference, submission.value.body, origin);
      break;
    }
    case "assign": {
      // Nobody, or a colleague by id: anything else is no one's id.
      const assigneeId = String(form.get("assigneeId") ?? "");
      if (assigneeId && !isUuid(assigneeId)) throw new Response("Not found", { status: 404 });
      done = await assignQuery(db, staff, reference, assigneeId || null);
      break;
    }
    case "status": {
      const status = QUERY_STATUSES.find((s) => s === form.get("status"));
      if (!status) throw new Response("Bad request", { status: 400 });
      done = await setQueryStatus(db, staff, reference, status);
      break;
    }
    case "snippet": {
      // A saved reply added to what is typed, to edit before sending; nothing is sent.
      const id = String(form.get("snippetId") ?? "");
      const snippet = isUuid(id) ? await findSnippet(db, staff, id) : null;
      const typed = String(form.get("body") ?? "").slice(0, MAX_QUESTION);
      if (!snippet) return refusedForm("reply", { snippetId: "queries.errors.snippetChoose" }, form, ["body"]);
      const body = typed.trim() ? `${typed.trimEnd()}\n\n${snippet.body}` : snippet.body;
      if (body.length > MAX_QUESTION) return refusedForm("reply", { snippetId: "queries.errors.snippetTooLong" }, form, ["body"]);
      return { intent: "reply", errors: [], values: { body } };
    }
    case "note": {
      const submission = parseWithZod(form, { schema: noteSchema });
      if (submission.status !== "success") return refusedForm("note", { note: submission.error?.note?.[0] ?? "queries.errors.note" }, form, ["note"]);
      done = await addQueryNote(db, staff, reference, submission.value.note);
      break;
    }
    case "transfer": {
      const submission = parseWithZod(form, { schema: transferSchema });
      const toAreaId = String(form.get("toAreaId") ?? "").trim();
      const known = (await loadReferenceData(db)).areas.some((area) => area.id === toAreaId && area.id !== staff.areaId);
      if (submission.status !== "success" || !known) {
        const error = submission.status === "success" ? undefined : submission.error;
        const errors = { toAreaId: known ? undefined : (error?.toAreaId?.[0] ?? "queries.errors.transferArea"), reason: error?.reason?.[0] };
        return refusedForm("transfer", errors, form, ["toAreaId", "reason"]);
      }
      const moved = await transferQuery(db, staff, reference, toAreaId, submission.value.reason, origin);
      if (!moved) throw new Response("Not found", { status: 404 });
      return { to: `/staff/queries?transferred=${reference}` };
    }
    default:
      throw new Response("Bad request", { status: 400 });
  }
  if (!done) throw new Response("Not found", { status: 404 });
  return { to: `/staff/queries/${reference}` };
}
