// Configuration every unit test can rely on: a throwaway encryption key.
import crypto from "node:crypto";

process.env.ENCRYPTION_KEY ??= crypto.randomBytes(32).toString("base64");
process.env.SESSION_SECRET ??= crypto.randomBytes(32).toString("base64url");
process.env.LOG_LEVEL ??= "warn";
