// The public meeting request form: one schema for the browser and the server.
import { z } from "zod";

export const CHANNELS = ["email", "phone", "voicemail", "text"] as const;
export const FORMATS = ["IN_PERSON", "VIDEO", "EITHER"] as const;
export const TOPICS = ["special-measures", "the-day", "giving-evidence", "defendant", "other"] as const;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => value || undefined);

export const meetingRequestSchema = z
  .object({
    name: z.string({ error: "meetings.errors.name" }).trim().min(1, "meetings.errors.name").max(80, "meetings.errors.name"),
    channels: z.array(z.enum(CHANNELS)).default([]),
    email: text(254),
    phone: text(40),
    times: text(200),
    askFor: text(80),
    onlyViaIsva: z.literal("yes").optional(),
    isvaEmail: text(254),
    forceId: z.string({ error: "meetings.errors.force" }).trim().min(1, "meetings.errors.force").max(60).regex(/^[a-z0-9-]+$/, "meetings.errors.force"),
    boroughId: text(60),
    format: z.enum(FORMATS, { error: "meetings.errors.format" }),
    access: text(1000),
    interpreter: text(80),
    supporter: z.literal("yes").optional(),
    topics: z.array(z.enum(TOPICS)).default([]),
  })
  .superRefine((value, ctx) => {
    if (!value.channels.length && !value.onlyViaIsva) ctx.addIssue({ code: "custom", path: ["channels"], message: "meetings.errors.channels" });
    if (value.channels.includes("email") && !/^[^\s@<>,]+@[^\s@<>,]+\.[A-Za-z]{2,}$/.test(value.email ?? "")) {
      ctx.addIssue({ code: "custom", path: ["email"], message: "meetings.errors.email" });
    }
    const needsPhone = value.channels.some((channel) => channel !== "email");
    if (needsPhone && !/^[0-9 +()-]{6,40}$/.test(value.phone ?? "")) ctx.addIssue({ code: "custom", path: ["phone"], message: "meetings.errors.phone" });
  });

export type MeetingRequestInput = z.infer<typeof meetingRequestSchema>;
