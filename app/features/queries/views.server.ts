// Shapes query records for pages: dates as text, overdue worked out on the server.
import { todayInLondon } from "~/features/dates/dates.ts";

type Listed = {
  reference: string;
  category: string;
  status: string;
  dueOn: Date;
  createdAt: Date;
  assignee: { name: string } | null;
};

const day = (date: Date) => date.toISOString().slice(0, 10);
// Made once: building a formatter costs far more than using one.
const stamper = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });
const stamp = (date: Date) => stamper.format(date);

export function queryRows(rows: Listed[], today = todayInLondon()) {
  return rows.map((row) => ({
    reference: row.reference,
    category: row.category,
    status: row.status,
    dueOn: day(row.dueOn),
    createdAt: stamp(row.createdAt),
    overdue: (row.status === "NEW" || row.status === "IN_PROGRESS") && day(row.dueOn) < today,
    assignee: row.assignee?.name ?? null,
  }));
}

export function threadMessages(messages: { id: string; fromStaff: boolean; author: string; createdAt: Date; body: string }[]) {
  return messages.map((message) => ({ ...message, createdAt: stamp(message.createdAt) }));
}
