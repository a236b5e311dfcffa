// Test data builders for ISVA queries.
import { submitQuery } from "../../app/features/queries/queries.server.ts";
import { uiStrings } from "../../app/features/i18n/resources.server.ts";
import type { User } from "../../app/generated/prisma/client.ts";
import type { Db } from "../../app/utils/db.server.ts";

/** A query from `isva`, routed straight to `areaId`. */
export function sendQuery(db: Db, isva: User, areaId: string, question = "When is the next hearing?") {
  return submitQuery(
    db,
    isva,
    { category: "CASE_PROGRESS", question, consent: "yes", urn: undefined, forceId: undefined, boroughId: undefined, offenceAreaId: undefined },
    { areaId, forceId: "test", reason: { code: "force", areaId, forceId: "test" } },
    { origin: "https://portal.example", categories: { en: uiStrings("en").queries.categories, cy: uiStrings("cy").queries.categories } },
  );
}
