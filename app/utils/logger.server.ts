// Structured, minimal logs. Never pass personal data, request bodies, query
// strings, addresses or secrets here: a test searches the logs for them.
import { getEnv } from "./config.server.ts";

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof LEVELS;

function write(level: Level, message: string, fields: Record<string, unknown> = {}) {
  let threshold: Level = "info";
  try {
    threshold = getEnv().LOG_LEVEL;
  } catch {
    // Configuration errors are reported by the caller; keep logging.
  }
  if (LEVELS[level] < LEVELS[threshold]) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...fields });
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(`${line}\n`);
}

export const log = {
  debug: (message: string, fields?: Record<string, unknown>) => write("debug", message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};

// An error's message can quote the input that caused it (PostgreSQL's "invalid
// input syntax for type uuid: "…"" does): quoted text and anything shaped like
// an e-mail address are left out, and the message is cut short.
const QUOTED = /"[^"]*"/g;
const EMAIL_SHAPED = /[^\s"'<>()[\]]+@[^\s"'<>()[\]]+/g;
const DETAIL_MAX_CHARS = 300;

function withoutValues(message: string) {
  return message.replace(QUOTED, '"…"').replace(EMAIL_SHAPED, "…@…").slice(0, DETAIL_MAX_CHARS);
}

/** An error's class and message, without its stack's data, attached request details or the values it quotes. */
export function describeError(error: unknown) {
  return error instanceof Error ? { error: error.name, detail: withoutValues(error.message) } : { error: withoutValues(String(error)) };
}
