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
    assignee: row.assignee?.name ?? null,
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
