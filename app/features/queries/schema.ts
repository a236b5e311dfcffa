// The ISVA's query form: one schema for the browser and the server.
import { z } from "zod";

export const CATEGORIES = [
  "CASE_PROGRESS",
  "CHARGING_DECISION",
  "SPECIAL_MEASURES",
  "PRE_TRIAL_MEETING",
  "TRIAL_DATE",
  "DISCLOSURE",
  "VICTIM_WISHES",
  "OTHER",
] as const;
export type Category = (typeof CATEGORIES)[number];

export const QUERY_STATUSES = ["NEW", "IN_PROGRESS", "ANSWERED", "CLOSED"] as const;

export const MAX_QUESTION = 5000;

// Control characters other than line breaks and tabs have no place in a query.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
// eslint-disable-next-line no-control-regex
const ANY_CONTROL = /^[^\u0000-\u001F\u007F]*$/;
const cleanText = (value: string) => value.replace(CONTROL, "").trim();

const optionalId = z
  .string()
  .trim()
  .max(60)
  .regex(/^[a-z0-9-]*$/)
  .optional()
  .transform((value) => value || undefined);

export const querySchema = z.object({
  urn: z
    .string()
    .trim()
    .max(40, "queries.errors.urn")
    .regex(ANY_CONTROL, "queries.errors.urn")
    .optional()
    .transform((value) => value || undefined),
  forceId: optionalId,
  boroughId: optionalId,
  offenceAreaId: optionalId,
  category: z.enum(CATEGORIES, { error: "queries.errors.category" }),
  question: z
    .string({ error: "queries.errors.question" })
    .transform(cleanText)
    .pipe(z.string().min(1, "queries.errors.question").max(MAX_QUESTION, "queries.errors.questionTooLong")),
  consent: z.literal("yes", { error: "queries.errors.consent" }),
});

export type QueryInput = z.infer<typeof querySchema>;

export const replySchema = z.object({
  body: z
    .string({ error: "queries.errors.reply" })
    .transform(cleanText)
    .pipe(z.string().min(1, "queries.errors.reply").max(MAX_QUESTION, "queries.errors.questionTooLong")),
});

export const MAX_NOTE = 2000;

/** An internal note: for the Area's staff, never the ISVA. */
export const noteSchema = z.object({
  note: z
    .string({ error: "queries.errors.note" })
    .transform(cleanText)
    .pipe(z.string().min(1, "queries.errors.note").max(MAX_NOTE, "queries.errors.noteTooLong")),
});

/** Passing a query to the Area it belongs to, and why. */
export const transferSchema = z.object({
  toAreaId: z.string({ error: "queries.errors.transferArea" }).trim().min(1, "queries.errors.transferArea").max(60, "queries.errors.transferArea").regex(/^[a-z0-9-]+$/, "queries.errors.transferArea"),
  reason: z
    .string({ error: "queries.errors.transferReason" })
    .transform(cleanText)
    .pipe(z.string().min(1, "queries.errors.transferReason").max(MAX_NOTE, "queries.errors.noteTooLong")),
});

export const MAX_SNIPPET_TITLE = 80;

/** A saved reply: a short name to find it by, and its wording. */
export const snippetSchema = z.object({
  title: z
    .string({ error: "queries.errors.snippetTitle" })
    .transform(cleanText)
    .pipe(z.string().min(1, "queries.errors.snippetTitle").max(MAX_SNIPPET_TITLE, "queries.errors.snippetTitleTooLong")),
  body: z
    .string({ error: "queries.errors.snippetBody" })
    .transform(cleanText)
    .pipe(z.string().min(1, "queries.errors.snippetBody").max(MAX_QUESTION, "queries.errors.questionTooLong")),
});
