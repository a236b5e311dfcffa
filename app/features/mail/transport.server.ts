// Delivers one outbox row: to the SMTP relay when SMTP_URL is set, otherwise
// into a folder of .eml files (local mode), so a developer can read every
// message the portal would have sent. Every header goes through nodemailer's
// own fields, which encode and fold them; none is assembled here by hand.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer, { type SendMailOptions } from "nodemailer";
import type { OutboxMessage } from "~/generated/prisma/client.ts";
import { stableMessageId, type StoredAttachment } from "./outbox.server.ts";

export type MailTransport = {
  send(message: OutboxMessage): Promise<void>;
  /** Closes any connections kept open. */
  close?(): void;
};

export type MailTransportOptions = {
  /** smtp:// or smtps:// URL of the relay; without it, mail goes to `mailDir`. */
  smtpUrl?: string;
  mailDir: string;
  /** The sender, for example `RASSO portal <no-reply@portal.example>`. */
  from: string;
  /** The domain part of every Message-ID. */
  messageIdDomain: string;
  /** SMTP connections kept open: as many as the worker sends at once. */
  connections?: number;
};

export function createTransport({ smtpUrl, mailDir, from, messageIdDomain, connections = 4 }: MailTransportOptions): MailTransport {
  const compose = (message: OutboxMessage): SendMailOptions => ({
    from,
    to: message.toAddress,
    subject: message.subject,
    text: message.textBody,
    html: message.htmlBody ?? undefined,
    attachments: storedAttachments(message.attachments).map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      content: Buffer.from(attachment.content, "base64"),
    })),
    messageId: stableMessageId(message.id, messageIdDomain),
    // The time the message was written, so a repeated delivery is the same message.
    date: message.createdAt,
    // Content comes only from the row; never let a field make nodemailer read a file or URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  });

  if (smtpUrl) {
    // A few connections, kept open and reused: a relay's greeting (and TLS
    // handshake) is paid once per connection, not once per message. A
    // connection that fails is dropped by the pool and its message retried by
    // the outbox; the timeouts together stay well inside the worker's lease.
    const smtp = nodemailer.createTransport({
      url: smtpUrl,
      pool: true,
      maxConnections: connections,
      maxMessages: 100,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    return {
      async send(message) {
        await smtp.sendMail(compose(message));
      },
      close() {
        smtp.close();
      },
    };
  }

  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  return {
    async send(message) {
      const info = await stream.sendMail(compose(message));
      if (!Buffer.isBuffer(info.message)) throw new Error("The message was not composed into a buffer.");
      await fs.mkdir(mailDir, { recursive: true });
      const file = path.join(mailDir, mailFileName(message));
      // Write then rename, so the mail page never reads half a message.
      const temporary = `${file}.${crypto.randomBytes(6).toString("hex")}.tmp`;
      try {
        await fs.writeFile(temporary, info.message, { mode: 0o600 });
        await fs.rename(temporary, file);
      } catch (error) {
        await fs.rm(temporary, { force: true });
        throw error;
      }
    },
  };
}

function storedAttachments(value: OutboxMessage["attachments"]): StoredAttachment[] {
  if (value === null) return [];
  if (!Array.isArray(value)) throw new Error("The stored attachments are not a list.");
  return value.map((item) => {
    const attachment = item as Partial<Record<keyof StoredAttachment, unknown>> | null;
    if (
      typeof attachment?.filename !== "string" ||
      typeof attachment.contentType !== "string" ||
      typeof attachment.content !== "string"
    ) {
      throw new Error("A stored attachment is malformed.");
    }
    return { filename: attachment.filename, contentType: attachment.contentType, content: attachment.content };
  });
}

// ISO 8601 basic format (20261123T204904.123Z): sorts by time like the extended
// format but has no colons, which some file systems refuse.
const MAIL_FILE_NAME =
  /^\d{8}T\d{6}\.\d{3}Z-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.eml$/;

export function mailFileName(message: Pick<OutboxMessage, "id" | "createdAt">) {
  const time = message.createdAt.toISOString().replace(/[-:]/g, "");
  return `${time}-${message.id.toLowerCase()}.eml`;
}

/** The messages written to the mail folder, newest first. */
export async function listMailFiles(mailDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(mailDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return names.filter((name) => MAIL_FILE_NAME.test(name)).sort().reverse();
}

export class MailFileNameError extends Error {
  override name = "MailFileNameError";
}

/**
 * One message from the mail folder as RFC 822 text, or null if there is no such
 * file. Only names this module writes are accepted, so no name can reach
 * outside the folder.
 */
export async function readMailFile(mailDir: string, name: string): Promise<string | null> {
  if (!MAIL_FILE_NAME.test(name)) throw new MailFileNameError("Not the name of a mail file.");
  try {
    return await fs.readFile(path.join(mailDir, name), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
