import { describe, expect, it } from "vitest";
import { inboxRows, queryRows, threadMessages } from "~/features/queries/views.server.ts";
import type { ReferenceData } from "~/features/routing/route.ts";

const DATA = {
  areas: [],
  forces: [{ id: "metropolitan", nameEn: "Metropolitan Police", nameCy: "Heddlu Metropolitan" }],
  boroughs: [{ id: "lambeth", nameEn: "Lambeth", nameCy: "Lambeth", areaId: "london-south", confirmed: true }],
} as unknown as ReferenceData;

// 14:30 on 11 December 2026 is 2:30pm in London (GMT); 10 June is in British Summer Time.
const WINTER = new Date("2026-12-11T14:30:00Z");
const SUMMER = new Date("2026-06-10T08:05:00Z");

describe("query views", () => {
  it("give dates and times in GOV.UK style, in UK time and in the page's language", () => {
    const row = { reference: "Q-2345-6789", category: "OTHER", status: "NEW", dueOn: new Date("2026-12-14T00:00:00Z"), createdAt: WINTER, assignee: null };
    expect(queryRows([row], "en", "2026-12-11")[0]).toMatchObject({ dueOn: "14 December 2026", createdAt: "11 December 2026 at 2:30pm", overdue: false, due: { state: "soon", workingDays: 1 } });
    expect(queryRows([row], "cy", "2026-12-15")[0]).toMatchObject({ dueOn: "14 Rhagfyr 2026", createdAt: "11 Rhagfyr 2026 am 2:30yp", overdue: true, due: { state: "overdue", days: 1 } });
    expect(threadMessages([{ id: "m", fromStaff: false, author: "A", createdAt: SUMMER, body: "b" }], "en")[0]!.createdAt).toBe("10 June 2026 at 9:05am");
  });

  it("say how an inbox row's reply stands, and name its police force and borough", () => {
    const base = { reference: "Q-2345-6789", category: "OTHER" as const, createdAt: WINTER, forceId: "metropolitan", boroughId: "lambeth", isvaName: "Isla", organisation: "S", assignee: null };
    const [waiting, answered] = inboxRows(
      [
        { ...base, status: "NEW", dueOn: "2026-12-09" },
        { ...base, status: "ANSWERED", dueOn: "2026-12-09" },
      ],
      "cy",
      DATA,
      "2026-12-11",
    );
    expect(waiting).toMatchObject({ dueOn: "9 Rhagfyr 2026", due: { state: "overdue", days: 2 }, police: { force: "Heddlu Metropolitan", borough: "Lambeth" } });
    expect(answered!.due).toBeNull();
  });
});
