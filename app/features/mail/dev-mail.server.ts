// The development-only page over the local mail folder. It exists only in
// local mode (no SMTP_URL, embedded database) or when DEV_MAIL_PAGE=on.
import path from "node:path";
import { simpleParser } from "mailparser";
import { getEnv } from "~/utils/config.server.ts";
import { isLocalMode } from "~/utils/env.server.ts";
import { listMailFiles, readMailFile } from "./transport.server.ts";

export function mailDir() {
  return path.resolve(getEnv().DATA_DIR, "mail");
}

export function requireDevMail() {
  const env = getEnv();
  const allowed = (isLocalMode(env) && !env.SMTP_URL) || process.env.DEV_MAIL_PAGE === "on";
  if (!allowed) throw new Response("Not found", { status: 404 });
  return {
    async list() {
      const names = (await listMailFiles(mailDir())).slice(0, 200);
      return Promise.all(
        names.map(async (name) => {
          const parsed = await simpleParser((await readMailFile(mailDir(), name)) ?? "");
          return { name, subject: parsed.subject ?? "", to: parsed.to ? (Array.isArray(parsed.to) ? parsed.to[0]!.text : parsed.to.text) : "" };
        }),
      );
    },
    async read(name: string) {
      const raw = await readMailFile(mailDir(), name).catch(() => null);
      if (!raw) return null;
      const parsed = await simpleParser(raw);
      return { subject: parsed.subject ?? "", to: parsed.to ? (Array.isArray(parsed.to) ? parsed.to[0]!.text : parsed.to.text) : "", text: parsed.text ?? "" };
    },
  };
}
