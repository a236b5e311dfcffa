// A real SMTP server on 127.0.0.1 that keeps what it receives, parsed.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type SmtpSinkOptions = {
  /**
   * Wait this long before acknowledging each message, like a slow relay. The
   * message is kept as soon as it has arrived in full, so a sender that dies
   * while waiting has delivered it without knowing.
   */
  replyDelayMs?: number;
};

export async function startSmtpSink({ replyDelayMs = 0 }: SmtpSinkOptions = {}) {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    disableReverseLookup: true,
    onData(stream, _session, callback) {
      // A message cut off by a closed connection makes the parser fail, so it is never kept.
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          if (replyDelayMs > 0) setTimeout(() => callback(), replyDelayMs);
          else callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
