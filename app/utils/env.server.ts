// Configuration comes from the environment and is checked once, at start-up.
// Without DATABASE_URL the portal runs in local mode: an embedded PostgreSQL in
// ./data, mail written to ./data/mail, generated secrets kept in ./data. In
// production (NODE_ENV=production with DATABASE_URL) the secrets are required.
import { z } from "zod";

const port = z.coerce.number().int().min(1).max(65535);
const secret = z.string().min(32, "must be at least 32 characters");

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: port.default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    /** The address users reach the portal at, used in e-mailed links. */
    PUBLIC_URL: z.url().optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL")
      .optional(),
    EMBEDDED_PG_PORT: port.default(5439),
    DATA_DIR: z.string().min(1).default("./data"),
    SESSION_SECRET: secret.optional(),
    /** 32 bytes, base64: the key for fields encrypted at rest. */
    ENCRYPTION_KEY: z
      .string()
      .refine((value) => Buffer.from(value, "base64").length === 32, "must be 32 bytes encoded as base64")
      .optional(),
    /** Older keys, comma-separated, still needed to read records written before a rotation. */
    ENCRYPTION_KEYS_OLD: z.string().optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
      .optional(),
    MAIL_FROM: z.string().min(3).default("RASSO portal <no-reply@portal.example>"),
    /** Hide the HSTS header only where the portal is served over plain HTTP on purpose. */
    HSTS: z.enum(["on", "off"]).default("on"),
    /** How many proxies (load balancer, CDN) stand in front of the portal; their X-Forwarded-For is trusted. */
    TRUST_PROXY: z.coerce.number().int().min(0).max(5).default(0),
    /** Days a closed ISVA query is kept before it is deleted (only anonymous figures remain). */
    QUERY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
    /** Hours before a pre-trial meeting that its reminder goes out. */
    MEETING_REMINDER_HOURS: z.coerce.number().int().min(1).max(336).default(48),
    /** Days a link to choose a time, or to confirm or rearrange a meeting, stays usable. */
    MEETING_LINK_DAYS: z.coerce.number().int().min(1).max(60).default(14),
    /** Working days within which a meeting request should be offered times (for the insight figures). */
    MEETING_OFFER_DAYS: z.coerce.number().int().min(1).max(60).default(10),
    /**
     * How long a worker holds the e-mails it has claimed. E-mails claimed by a
     * worker that dies wait this long before another worker takes them.
     */
    OUTBOX_LEASE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  })
  .superRefine((env, ctx) => {
    // With a real database, e-mailed links must never be built from the Host
    // header a client sends.
    if (env.DATABASE_URL && !env.PUBLIC_URL && env.NODE_ENV !== "production") {
      ctx.addIssue({ code: "custom", path: ["PUBLIC_URL"], message: "required when DATABASE_URL is set" });
    }
    if (env.NODE_ENV !== "production" || !env.DATABASE_URL) return;
    for (const key of ["SESSION_SECRET", "ENCRYPTION_KEY", "SMTP_URL", "PUBLIC_URL"] as const) {
      if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "required in production" });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`The portal's configuration is not valid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Parses the environment; throws a ConfigError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`),
  );
}

/** True when the portal runs on its embedded defaults rather than real services. */
export function isLocalMode(env: Env) {
  return !env.DATABASE_URL;
}
