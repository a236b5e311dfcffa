// Form schemas, used in the browser and again, always, on the server. Messages
// are translation keys.
import { z } from "zod";

const email = z
  .string({ error: "auth.errors.emailInvalid" })
  .trim()
  .max(254, "auth.errors.emailInvalid")
  .pipe(z.email({ error: "auth.errors.emailInvalid" }));

// Length is checked fully on the server (with the common-password list and the
// strength estimate); the browser checks what it can.
const newPassword = z
  .string({ error: "auth.errors.password.tooShort" })
  .refine((value) => [...value.normalize("NFKC")].length >= 12, "auth.errors.password.tooShort")
  .refine((value) => [...value.normalize("NFKC")].length <= 128, "auth.errors.password.tooLong");

export const signInSchema = z.object({
  email,
  password: z.string({ error: "auth.errors.credentials" }).min(1, "auth.errors.credentials").max(1024, "auth.errors.credentials"),
});

export const codeSchema = z.object({
  code: z
    .string({ error: "auth.errors.code" })
    .transform((value) => value.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "auth.errors.code")),
});

export const recoverySchema = z.object({
  code: z.string({ error: "auth.errors.recovery" }).trim().min(10, "auth.errors.recovery").max(40, "auth.errors.recovery"),
});

export const registerSchema = z
  .object({
    name: z.string({ error: "auth.errors.nameRequired" }).trim().min(1, "auth.errors.nameRequired").max(120, "forms.tooLong_other|{\"count\":120}"),
    email,
    organisation: z
      .string({ error: "auth.errors.organisationRequired" })
      .trim()
      .min(1, "auth.errors.organisationRequired")
      .max(160, "forms.tooLong_other|{\"count\":160}"),
    password: newPassword,
    confirm: z.string({ error: "auth.errors.passwordsDiffer" }),
  })
  .refine((value) => value.password === value.confirm, { path: ["confirm"], message: "auth.errors.passwordsDiffer" });

export const forgotSchema = z.object({ email });

export const setPasswordSchema = z
  .object({ token: z.string().min(1).max(100), password: newPassword, confirm: z.string({ error: "auth.errors.passwordsDiffer" }) })
  .refine((value) => value.password === value.confirm, { path: ["confirm"], message: "auth.errors.passwordsDiffer" });

export const ROLE_VALUES = ["ISVA", "AREA_STAFF", "VLO", "LETTER_EDITOR", "ADMIN"] as const;

export const inviteSchema = z.object({
  name: z.string({ error: "auth.errors.nameRequired" }).trim().min(1, "auth.errors.nameRequired").max(120, "forms.tooLong_other|{\"count\":120}"),
  email,
  roles: z.array(z.enum(ROLE_VALUES), { error: "admin.errors.rolesRequired" }).min(1, "admin.errors.rolesRequired"),
  areaId: z.string().max(60).regex(/^[a-z-]*$/, "admin.errors.areaRequired").optional(),
});

export const rolesSchema = z.object({
  roles: z.array(z.enum(ROLE_VALUES), { error: "admin.errors.rolesRequired" }).min(1, "admin.errors.rolesRequired"),
  areaId: z.string().max(60).regex(/^[a-z-]*$/, "admin.errors.areaRequired").optional(),
});

export const domainSchema = z.object({
  domain: z
    .string({ error: "admin.errors.domainInvalid" })
    .trim()
    .toLowerCase()
    .regex(/^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "admin.errors.domainInvalid"),
  organisation: z.string({ error: "auth.errors.organisationRequired" }).trim().min(1, "auth.errors.organisationRequired").max(160),
});

// An address as letters print it: up to 6 lines of up to 80 characters, blank
// lines and spaces at the ends dropped, no control characters.
export const ADDRESS_LINES = 6;
const letterAddress = z
  .string()
  .optional()
  .transform((value) => (value ?? "").split(/\r?\n/).map((line) => line.replace(/\s+/g, " ").trim()).filter(Boolean))
  .refine((lines) => lines.length <= ADDRESS_LINES && lines.every((line) => line.length <= 80 && !/[\p{Cc}\p{Cf}]/u.test(line)), "admin.errors.address")
  .transform((lines) => lines.join("\n"));

const BOTH_ADDRESSES = z.object({ letterAddressEn: letterAddress, letterAddressCy: letterAddress });

export const areaSchema = z.object({
  rassoMailbox: z.string({ error: "admin.errors.mailboxInvalid" }).trim().toLowerCase().pipe(z.email({ error: "admin.errors.mailboxInvalid" })),
  responseDays: z.coerce.number({ error: "admin.errors.responseDays" }).int("admin.errors.responseDays").min(1, "admin.errors.responseDays").max(30, "admin.errors.responseDays"),
  fullContentEmail: z
    .string()
    .optional()
    .transform((value) => value === "yes"),
  letterAddressEn: letterAddress,
  letterAddressCy: letterAddress,
  letterPhone: z
    .string()
    .optional()
    .transform((value) => (value ?? "").replace(/\s+/g, " ").trim())
    .refine((value) => value === "" || /^\+?[0-9][0-9 ()-]{5,23}[0-9]$/.test(value), "admin.errors.phone"),
  })
  // English letters print only the English address, and Welsh ones fall back to it.
  // Checked whenever both addresses are readable, so it is shown with any other error.
  .refine((area) => area.letterAddressEn !== "" || area.letterAddressCy === "", {
    path: ["letterAddressEn"],
    message: "admin.errors.addressEnFirst",
    when: (payload) => BOTH_ADDRESSES.safeParse(payload.value).success,
  });
