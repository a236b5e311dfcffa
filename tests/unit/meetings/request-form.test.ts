// Where a meeting request goes: by police force, London borough, the Area of a
// British Transport Police case, or (from an ISVA or VLO) the police URN.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitRequestForm, type RequestFormResult } from "~/features/meetings/form.server.ts";
import { staffMeetingRequest, type Requester } from "~/features/meetings/requests.server.ts";
import { closeRateLimits, initRateLimits } from "~/features/security/rate-limit.server.ts";
import { setDb, type Db } from "~/utils/db.server.ts";
import { createMigratedDatabase } from "../../setup/database.ts";
import { makeUser } from "../../setup/users.ts";

let db: Db;
let isva: Requester;
let subject = 0;

beforeAll(async () => {
  const created = await createMigratedDatabase();
  db = created.db;
  setDb(db);
  initRateLimits(created.url);
  isva = { kind: "ISVA", user: (await makeUser(db, { roles: ["ISVA"], organisation: "Test ISVA service" })).user };
});
afterAll(async () => {
  await closeRateLimits();
  await db.$disconnect();
});

const VICTIM: Requester = { kind: "VICTIM" };

function send(fields: Record<string, string>, by: Requester = VICTIM) {
  const form = new FormData();
  for (const [name, value] of Object.entries({ name: "Sam", channels: "phone", phone: "01632 960123", format: "EITHER", ...fields })) {
    form.append(name, value);
  }
  // A fresh subject each time, so the rate limit never decides a case here.
  return submitRequestForm(form, { lang: "en", origin: "https://portal.example", by, limit: { name: "publicForm", subject: `form-test-${subject++}` } });
}

function refused(result: RequestFormResult) {
  if (result.ok) throw new Error(`Expected a refusal, but ${result.reference} was sent.`);
  return result;
}

async function storedUrn(result: RequestFormResult) {
  if (!result.ok) throw new Error(`Refused: ${JSON.stringify(result.errors)}`);
  const staff = (await makeUser(db, { roles: ["VLO"], areaId: result.area.id })).user;
  return (await staffMeetingRequest(db, staff, result.reference))!.contact.urn;
}

describe("a meeting request's Area", () => {
  it("for a British Transport Police case is the Area chosen for the place, and is asked for when missing", async () => {
    const missing = refused(await send({ forceId: "british-transport" }));
    expect(missing.status).toBe(400);
    expect(missing.errors).toEqual({ offenceAreaId: ["meetings.errors.offenceArea"] });
    expect(missing.typed.name).toEqual(["Sam"]);
    const sent = await send({ forceId: "british-transport", offenceAreaId: "wessex" });
    expect(sent.ok && sent.area.id).toBe("wessex");
  });

  it("for a Metropolitan Police case needs the borough", async () => {
    expect(refused(await send({ forceId: "metropolitan" })).errors).toEqual({ boroughId: ["meetings.errors.borough"] });
    const sent = await send({ forceId: "metropolitan", boroughId: "lambeth" });
    expect(sent.ok && sent.area.id).toBe("london-south");
  });

  it("from an ISVA can come from the URN alone, which is kept, written the standard way, for the VLO", async () => {
    const sent = await send({ urn: "45cd0303421" }, isva);
    expect(sent.ok && sent.area.id).toBe("south-east");
    expect(await storedUrn(sent)).toBe("45/CD/03034/21");
  });

  it("from an ISVA is refused when the URN and the force disagree, or the URN is not one", async () => {
    expect(refused(await send({ urn: "45/CD/03034/21", forceId: "lancashire" }, isva)).errors).toEqual({ urn: ["meetings.errors.urnConflict"] });
    expect(refused(await send({ urn: "not a urn" }, isva)).errors).toEqual({ urn: ["meetings.errors.urn"] });
    expect(refused(await send({}, isva)).errors).toEqual({ forceId: ["meetings.errors.force"] });
    expect(refused(await send({ urn: "4".repeat(41) }, isva)).errors).toEqual({ urn: ["meetings.errors.urn"] });
  });

  it("is asked for together with the form's other mistakes", async () => {
    const result = refused(await send({ phone: "" }));
    expect(result.errors.forceId).toEqual(["meetings.errors.force"]);
    expect(result.errors.phone).toEqual(["meetings.errors.phone"]);
  });

  it("from a victim never follows or keeps a URN sent with the form", async () => {
    expect(refused(await send({ urn: "45/CD/03034/21" })).errors).toEqual({ forceId: ["meetings.errors.force"] });
    const sent = await send({ urn: "45/CD/03034/21", forceId: "lancashire" });
    expect(sent.ok && sent.area.id).toBe("north-west");
    expect(await storedUrn(sent)).toBeUndefined();
  });
});
