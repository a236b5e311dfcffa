// An ISVA's work in one list: their queries and the pre-trial meetings they
// asked for, newest first, with replies they have not opened marked.
import { formatDate, type Lang } from "~/features/dates/format.ts";
import { meetingWhen } from "~/features/meetings/messages.server.ts";
import { listIsvaRequests } from "~/features/meetings/requests.server.ts";
import type { User } from "~/generated/prisma/client.ts";
import type { Db } from "~/utils/db.server.ts";
import { listIsvaQueries } from "./queries.server.ts";
import { queryRows } from "./views.server.ts";

export type WorkRow = {
  kind: "query" | "meeting";
  reference: string;
  /** A translation key for the status. */
  status: string;
  category: string | null;
  sent: string;
  when: string | null;
  unread: boolean;
  href: string;
};

export async function isvaWork(
  db: Db,
  isva: User,
  lang: Lang
): Promise<WorkRow[]> {
  const [queries, meetings] = await Promise.all([
    listIsvaQueries(db, isva),
    listIsvaRequests(db, isva),
  ]);
  const shaped = queryRows(queries, lang);
  const rows = [
    ...queries.map((query, i) => ({
      at: query.createdAt,
      row: {
        kind: "query" as const,
        reference: query.reference,
        status: `queries.statuses.${query.status}`,
        category: query.category,
        sent: formatDate(query.createdAt, lang),
        when: null,
        unread: shaped[i]!.unread,
        href: `/isva/queries/${query.reference}`,
      },
    })),
    ...meetings.map((meeting) => ({
      at: meeting.createdAt,
      row: {
        kind: "meeting" as const,
        reference: meeting.reference,
        status: `meetings.statuses.${meeting.status}`,
        category: null,
        sent: formatDate(meeting.createdAt, lang),
        when: meeting.meetings[0]
          ? meetingWhen(meeting.meetings[0].startsAt, lang)
          : null,
        unread: false,
        href: "/isva/meetings",
      },
    })),
  ];
  // Unopened replies first, then newest first.
  return rows
    .sort(
      (a, b) =>
        Number(b.row.unread) - Number(a.row.unread) ||
        b.at.getTime() - a.at.getTime()
    )
    .map(({ row }) => row);
}
