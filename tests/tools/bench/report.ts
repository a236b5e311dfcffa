// The one table, as Markdown, with the notes that say how it was measured.
import { type Row, whole } from "./context.ts";

export type Meta = {
  date: string;
  node: string;
  cpus: string;
  pinning: string;
  staticServer?: string;
  staticMax?: number;
  autocannon: string;
  lighthouse: string;
  browser?: string;
  connections: number;
  duration: number;
  rateDuration: number;
  warmup: number;
  messages: number;
  lighthouseRuns: number;
  sections: string[];
  buildSeconds?: number;
  runSeconds?: number;
};

function ratioText(ratio: number | undefined) {
  if (ratio === undefined) return "—";
  if (!ratio) return "0";
  return ratio >= 0.1 ? ratio.toFixed(2) : `${ratio.toPrecision(2)} (1 : ${whole(1 / ratio)})`;
}

function metText(met: boolean | undefined) {
  if (met === undefined) return "—";
  return met ? "met" : "**not met**";
}

const cell = (text: string | undefined) => (text ?? "—").replace(/\|/g, "\\|");

export function markdownTable(rows: Row[]) {
  return [
    "| Measure | Result | Static server | Ratio to static | Latency p50 / p99 at a fixed rate | Peak RSS | Goal | |",
    "| --- | ---: | ---: | ---: | --- | ---: | --- | --- |",
    ...rows.map((row) =>
      [
        row.measure,
        row.result,
        row.staticRate === undefined || row.section === "lighthouse" ? undefined : `${whole(row.staticRate)}/s`,
        ratioText(row.ratio),
        row.latency,
        row.memory,
        row.goal,
        metText(row.met),
      ]
        .map(cell)
        .join(" | ")
        .replace(/^/, "| ")
        .replace(/$/, " |"),
    ),
  ].join("\n");
}

export function markdownReport(rows: Row[], meta: Meta) {
  const problems = rows.flatMap((row) => row.problems.map((problem) => `- ${row.measure}: ${problem}`));
  const notes = rows.flatMap((row) => (row.notes ?? []).map((note) => `- ${row.measure}: ${note}`));
  const goals = rows.filter((row) => row.met !== undefined);
  const lines = [
    markdownTable(rows),
    "",
    `Goals: ${goals.filter((row) => row.met).length} of ${goals.length} met.` +
      (problems.length ? " **Some runs had problems (below): their figures are suspect.**" : ""),
    "",
    "How it was measured:",
    `- Everything in one run on this machine: ${meta.cpus}, Node ${meta.node}. CPU pinning: ${meta.pinning}.`,
    `- The portal: \`node build/index.js\`, NODE_ENV=production, local mode (embedded PostgreSQL in a temporary directory), ` +
      "OUTBOX_WORKER=off (mail is delivered only in the outbox run, by the worker process).",
    `- Static server: ${meta.staticServer ?? "not run"}` +
      (meta.staticMax ? `; its maximum, ${whole(meta.staticMax)} requests/s, is what the figures other than the pages are set against.` : "."),
    `- Load: autocannon ${meta.autocannon} in its own process, 127.0.0.1 only. At saturation: ${meta.duration} s ` +
      `(after ${meta.warmup} s of warm-up), ${meta.connections} connections for public pages, 20 for the inbox and submissions, 16 for sign-in. ` +
      `Latency: ${meta.rateDuration} s at half the static maximum, or at half the figure's own maximum where that is lower ` +
      "(a rate a server cannot sustain measures only its queue); autocannon sends each connection's share of a second at the start of that second.",
    "- Peak RSS: the server's process (the portal's Node process without its PostgreSQL, the static server, the outbox worker) during the runs.",
    "- Sign-in: over HTTP with the right password, spread over 200 accounts; the rate limits count only failures, so none was refused.",
    `- Outbox: ${whole(meta.messages)} messages, timed from the worker's start until the database shows all sent; the SMTP server parses every message.`,
    `- Lighthouse ${meta.lighthouse}${meta.browser ? ` in ${meta.browser}` : ""}: default mobile settings (simulated throttling), ` +
      `median of ${meta.lighthouseRuns} runs for each figure.`,
  ];
  if (problems.length) lines.push("", "Problems:", ...problems);
  if (notes.length) lines.push("", "Notes:", ...notes);
  if (meta.runSeconds !== undefined) {
    lines.push(
      "",
      `Run time: ${whole(meta.runSeconds)} s` + (meta.buildSeconds !== undefined ? ` (of which the build ${whole(meta.buildSeconds)} s).` : "."),
    );
  }
  return lines.join("\n");
}
