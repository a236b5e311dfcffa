// The public meeting request form: one schema for the browser and the server.
import { z } from "zod";
import { tooLong } from "~/utils/limits.ts";

/** Minutes a VLO keeps free before and after a meeting, unless they choose otherwise. */
export const DEFAULT_BUFFER_MINUTES = 15;

export const CHANNELS = ["email", "phone", "voicemail", "text"] as const;
export const FORMATS = ["IN_PERSON", "VIDEO", "EITHER"] as const;
export const TOPICS = ["special-measures", "the-day", "giving-evidence", "defendant", "other"] as const;

/** The longest answer to "anything that would make the meeting easier". */
export const ACCESS_MAX = 1000;
/** The longest note a VLO keeps of what was agreed at the meeting. */
export const OUTCOME_NOTE_MAX = 2000;
/** The longest reason for moving or cancelling a meeting. */
export const REASON_MAX = 500;

/** One plain address, as the outbox will accept it. */
const EMAIL = /^[A-Za-z0-9_%+'-]+(?:\.[A-Za-z0-9_%+'-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, tooLong(max))
    .optional()
    .transform((value) => value || undefined);

export const meetingRequestSchema = z
  .object({
    name: z.string({ error: "meetings.errors.name" }).trim().min(1, "meetings.errors.name").max(80, tooLong(80)),
    channels: z.array(z.enum(CHANNELS)).default([]),
    email: text(254),
    phone: text(40),
    times: text(200),
    askFor: text(80),
    onlyViaIsva: z.literal("yes").optional(),
    isvaEmail: text(254).refine((value) => value === undefined || EMAIL.test(value), "meetings.errors.isvaEmail"),
    // Where the request goes: routed on the server (a force is needed unless a professional gives a URN).
    forceId: text(60).refine((value) => value === undefined || /^[a-z0-9-]+$/.test(value), "meetings.errors.force"),
    boroughId: text(60),
    offenceAreaId: text(60),
    urn: z
      .string()
      .trim()
      .max(40, "meetings.errors.urn")
      .optional()
      .transform((value) => value || undefined),
    format: z.enum(FORMATS, { error: "meetings.errors.format" }),
    access: text(ACCESS_MAX),
    interpreter: text(80),
    supporter: z.literal("yes").optional(),
    topics: z.array(z.enum(TOPICS)).default([]),
  })
  .superRefine((value, ctx) => {
    if (!value.channels.length && !value.onlyViaIsva) ctx.addIssue({ code: "custom", path: ["channels"], message: "meetings.errors.channels" });
    if (value.channels.includes("email") && !EMAIL.test(value.email ?? "")) {
      ctx.addIssue({ code: "custom", path: ["email"], message: "meetings.errors.email" });
    }
    const needsPhone = value.channels.some((channel) => channel !== "email");
    if (needsPhone && !/^[0-9 +()-]{6,40}$/.test(value.phone ?? "")) ctx.addIssue({ code: "custom", path: ["phone"], message: "meetings.errors.phone" });
    // Said with the other mistakes, not after them; the rest of routing needs the reference data.
    if (!value.forceId && !value.urn) ctx.addIssue({ code: "custom", path: ["forceId"], message: "meetings.errors.force" });
  });

export type MeetingRequestInput = z.infer<typeof meetingRequestSchema>;

/** What the VLO records after the meeting. */
export const outcomeSchema = z.object({
  held: z.enum(["yes", "no"], { error: "meetings.errors.held" }),
  specialMeasures: text(OUTCOME_NOTE_MAX),
  followUps: text(OUTCOME_NOTE_MAX),
});

export type OutcomeInput = z.infer<typeof outcomeSchema>;

// A room or place becomes a calendar invite's location: one line.
const LINE_BREAK_OR_CONTROL = /[\p{Cc}\p{Zl}\p{Zp}]/u;

/** A time typed by a VLO: a date, a start and a length, in London time. */
export const timeSchema = z.object({
  date: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "meetings.errors.booking"),
  start: z.string().trim().regex(/^([01]?\d|2[0-3]):[0-5]\d$/, "meetings.errors.booking"),
  length: z.coerce.number({ error: "meetings.errors.length" }).int("meetings.errors.length").min(15, "meetings.errors.length").max(240, "meetings.errors.length"),
  room: text(60).refine((value) => value === undefined || !LINE_BREAK_OR_CONTROL.test(value), "meetings.errors.room"),
});
