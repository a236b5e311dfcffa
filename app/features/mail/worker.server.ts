// Delivers the outbox. Every instance may run a worker: claims use SKIP LOCKED
// and leases (see claimBatch), so workers share the queue without coordination.
import type { Db } from "~/utils/db.server.ts";
import { log as defaultLog } from "~/utils/logger.server.ts";
import {
  claimBatch,
  describeMailError,
  type ClaimedMessage,
  markFailed,
  markSent,
  MAX_ATTEMPTS,
} from "./outbox.server.ts";
import type { MailTransport } from "./transport.server.ts";

/** Receives counts, row ids and error codes only: never addresses or content. */
export type OutboxLog = Pick<typeof defaultLog, "info" | "warn" | "error">;

export type OutboxWorkerOptions = {
  db: Db;
  transport: MailTransport;
  intervalMs?: number;
  batchSize?: number;
  /** Messages of a batch sent at once; each send has a connection of its own. */
  concurrency?: number;
  /** How long a claim lasts; must exceed the time a batch can take (about batchSize / concurrency sends). */
  leaseMs?: number;
  log?: OutboxLog;
  /** The worker's idea of now; tests move it instead of waiting. */
  clock?: () => Date;
  /** False: no polling, only runOnce (tests and one-off scripts). */
  poll?: boolean;
};

export type OutboxWorker = {
  /** Ends polling and waits for the batch in flight. */
  stop(): Promise<void>;
  /** Claims and processes one batch; returns how many messages it claimed. */
  runOnce(): Promise<number>;
};

type Tally = Record<"sent" | "retry" | "dead" | "skipped", number>;

/** Messages sent at once, unless a worker is given another concurrency. */
export const OUTBOX_CONCURRENCY = 4;

export function startOutboxWorker({
  db,
  transport,
  intervalMs = 1000,
  batchSize = 20,
  concurrency = OUTBOX_CONCURRENCY,
  leaseMs = 60_000,
  log = defaultLog,
  clock = () => new Date(),
  poll = true,
}: OutboxWorkerOptions): OutboxWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  // Batches run one after another, whether started by the loop or by runOnce.
  let queue: Promise<unknown> = Promise.resolve();

  async function deliver(message: ClaimedMessage, tally: Tally) {
    // Past the lease another worker may hold the row; leave it to that worker.
    if (clock() >= message.lockedUntil) {
      tally.skipped++;
      return;
    }
    // Claimed again after claims that never finished (a worker killed while
    // sending it, perhaps by the message itself): stop trying.
    if (message.attempts > MAX_ATTEMPTS) {
      await markFailed(db, message.id, new Error("Abandoned by earlier workers"), message.attempts, clock());
      tally.dead++;
      log.error("outbox message dead", { id: message.id, attempts: message.attempts });
      return;
    }
    try {
      await transport.send(message);
    } catch (error) {
      const outcome = await markFailed(db, message.id, error, message.attempts, clock());
      const fields = { id: message.id, attempts: message.attempts, error: describeMailError(error) };
      if (outcome === "DEAD") {
        tally.dead++;
        log.error("outbox message dead", fields);
      } else {
        tally.retry++;
        log.warn("outbox delivery failed", fields);
      }
      return;
    }
    await markSent(db, message.id, clock());
    tally.sent++;
  }

  async function processBatch() {
    const claimed = await claimBatch(db, { limit: batchSize, leaseMs, now: clock() });
    const tally: Tally = { sent: 0, retry: 0, dead: 0, skipped: 0 };
    const waiting = [...claimed];
    // allSettled, not all: a failing lane must not leave others sending after runOnce returns.
    const lanes = await Promise.allSettled(
      Array.from({ length: Math.min(concurrency, claimed.length) }, async () => {
        for (let message = waiting.shift(); message; message = waiting.shift()) await deliver(message, tally);
      }),
    );
    if (claimed.length) log.info("outbox batch", { claimed: claimed.length, ...tally });
    for (const lane of lanes) if (lane.status === "rejected") throw lane.reason;
    return claimed.length;
  }

  function runOnce(): Promise<number> {
    const batch = queue.then(processBatch);
    queue = batch.catch(() => {});
    return batch;
  }

  async function tick() {
    timer = undefined;
    let claimed = 0;
    try {
      claimed = await runOnce();
    } catch (error) {
      log.error("outbox poll failed", { error: describeMailError(error) });
    }
    // A full batch suggests a backlog: go again at once rather than wait.
    if (!stopped) timer = setTimeout(tick, claimed === batchSize ? 0 : intervalMs);
  }

  if (poll) timer = setTimeout(tick, 0);

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await queue;
      transport.close?.();
    },
    runOnce,
  };
}
