// Shapes query records for pages: dates as text, overdue worked out on the server.
import { todayInLondon } from "~/features/dates/dates.ts";
import { dueState, formatDate, formatDateTime, type Lang } from "~/features/dates/format.ts";
import type { ReferenceData } from "~/features/routing/route.ts";
import type { InboxRow } from "./inbox.server.ts";

type Listed = {
  reference: string;
  category: string;
  status: string;
  dueOn: Date;
  createdAt: Date;
  assignee: { name: string } | null;
  /** The latest reply from the Area, and when the ISVA last opened the query. */
  lastReplyAt?: Date | null;
  isvaReadAt?: Date | null;
};

const day = (date: Date) => date.toISOString().slice(0, 10);

/** An ISVA's list of queries in one language, dates in GOV.UK style ("11 December 2026"). */
export function queryRows(rows: Listed[], lang: Lang, today = todayInLondon()) {
  return rows.map((row) => ({
    reference: row.reference,
    category: row.category,
    status: row.status,
    dueOn: formatDate(day(row.dueOn), lang),
    createdAt: formatDateTime(row.createdAt, lang),
    overdue: (row.status === "NEW" || row.status === "IN_PROGRESS") && day(row.dueOn) < today,
    due: row.status === "NEW" || row.status === "IN_PROGRESS" ? dueState(day(row.dueOn), today) : null,
    assignee: row.assignee?.name ?? null,
    unread: Boolean(row.lastReplyAt && (!row.isvaReadAt || row.lastReplyAt > row.isvaReadAt)),
  }));
}

/** A query's messages, each with when it was written ("11 December 2026 at 2:30pm", UK time). */
export function threadMessages(messages: { id: string; fromStaff: boolean; author: string; createdAt: Date; body: string }[], lang: Lang) {
  return messages.map((message) => ({ ...message, createdAt: formatDateTime(message.createdAt, lang) }));
}

/** The inbox's rows for a page in one language: dates in GOV.UK style and UK time, where each reply stands, and the police force by name. */
export function inboxRows(rows: InboxRow[], lang: Lang, data: ReferenceData, today = todayInLondon()) {
  const forces = new Map(data.forces.map((force) => [force.id, lang === "cy" ? force.nameCy : force.nameEn]));
  const boroughs = new Map(data.boroughs.map((borough) => [borough.id, lang === "cy" ? borough.nameCy : borough.nameEn]));
  return rows.map((row) => ({
    reference: row.reference,
    category: row.category,
    status: row.status,
    received: formatDateTime(row.createdAt, lang),
    dueOn: formatDate(row.dueOn, lang),
    due: row.status === "NEW" || row.status === "IN_PROGRESS" ? dueState(row.dueOn, today) : null,
    from: { name: row.isvaName, organisation: row.organisation },
    police: { force: forces.get(row.forceId) ?? row.forceId, borough: row.boroughId ? (boroughs.get(row.boroughId) ?? row.boroughId) : null },
    assignee: row.assignee,
  }));
}

export type InboxDisplayRow = ReturnType<typeof inboxRows>[number];

export type TimelineItem = {
  id: string;
  title: string;
  values: Record<string, string>;
  /** A status to name in the title, translated on the page. */
  status: string | null;
  byline: string | null;
  at: string;
  when: string;
  /** What someone wrote, or the routing sentence. */
  text: string | null;
  detail: string | null;
  internal: boolean;
};

type TimelineEvent = { kind: string; at: Date; actor: string; assignee: string | null; text: string | null; detail: { status?: string; from?: string; fromAreaId?: string; toAreaId?: string; assigneeId?: string | null } };

const OPEN = ["NEW", "IN_PROGRESS"];

/** Everything that happened to a query, newest first: receipt and routing, the thread's messages, and the staff's changes and notes. */
export function queryTimeline(
  query: { createdAt: Date; isvaName: string; reason: string },
  messages: { fromStaff: boolean; author: string; createdAt: Date }[],
  events: TimelineEvent[],
  lang: Lang,
  areaName: (id: string) => string,
): TimelineItem[] {
  const item = (id: string, at: Date, title: string, rest: Partial<TimelineItem> = {}): TimelineItem => ({
    id, title, values: {}, status: null, byline: null, text: null, detail: null, internal: false, ...rest, at: at.toISOString(), when: formatDateTime(at, lang),
  });
  const items = [item("received", query.createdAt, "queries.timeline.received", { byline: query.isvaName, text: query.reason, detail: "queries.timeline.acknowledged" })];
  messages.slice(1).forEach((message, i) =>
    items.push(
      message.fromStaff
        ? item(`m${i}`, message.createdAt, "queries.timeline.replied", { byline: message.author, detail: "queries.timeline.repliedDetail" })
        : item(`m${i}`, message.createdAt, "queries.timeline.isvaAdded", { byline: message.author, detail: "queries.timeline.isvaAddedDetail" }),
    ),
  );
  events.forEach((event, i) => {
    const id = `e${i}`;
    const by = { byline: event.actor };
    if (event.kind === "ASSIGNED") items.push(item(id, event.at, event.assignee ? "queries.timeline.assigned" : "queries.timeline.unassigned", { ...by, values: { name: event.assignee ?? "" } }));
    else if (event.kind === "STATUS_CHANGED") {
      const { status = "", from = "" } = event.detail;
      const title = status === "CLOSED" ? "queries.timeline.closed" : OPEN.includes(status) && !OPEN.includes(from) ? "queries.timeline.reopened" : "queries.timeline.status";
      items.push(item(id, event.at, title, { ...by, status }));
    } else if (event.kind === "TRANSFERRED") {
      const values = { from: areaName(event.detail.fromAreaId ?? ""), to: areaName(event.detail.toAreaId ?? "") };
      items.push(item(id, event.at, "queries.timeline.transferred", { ...by, values, text: event.text, detail: "queries.timeline.transferredDetail" }));
    } else if (event.kind === "NOTE") items.push(item(id, event.at, "queries.timeline.note", { ...by, text: event.text, internal: true }));
  });
  // Newest first; a sort that keeps the order above for the same moment.
  return items.map((entry, index) => ({ entry, index })).sort((a, b) => (a.entry.at === b.entry.at ? b.index - a.index : a.entry.at < b.entry.at ? 1 : -1)).map(({ entry }) => entry);
}
