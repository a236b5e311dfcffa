// The Area's address and phone number on letters: an administrator sets them
// (checked as typed, every change audited), and every letter made in that
// Area prints them under its name, in the letter's language. Nothing is
// printed for an Area whose address is not set.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { areaSchema } from "~/features/auth/schemas.ts";
import { closeRateLimits, initRateLimits } from "~/features/security/rate-limit.server.ts";
import { actOnRender } from "~/features/letters/render-action.server.ts";
import { approvedVersion, loadBaselineLetters } from "~/features/letters/letters.server.ts";
import { areaLines } from "~/features/letters/render-form.server.ts";
import { DETAILS_MISSING, letterDetailsSet } from "~/features/letters/area-details.ts";
import { letterPdf } from "~/features/letters/send.server.ts";
import { action as saveArea } from "~/routes/($lang).staff.admin.areas.$id.tsx";
import { action as letterPdfRoute } from "~/routes/($lang).staff.letters.$id.render[.pdf].tsx";
import { loader as renderPage } from "~/routes/($lang).staff.letters.$id.render.tsx";
import { setDb, type Db } from "~/utils/db.server.ts";
import { parseWithZod } from "~/utils/forms.ts";
import { createMigratedDatabase } from "../../setup/database.ts";
import { pdfText } from "../../setup/pdf-text.ts";
import { makeUser, signedIn } from "../../setup/users.ts";

const settings = (pairs: Record<string, string>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries({ rassoMailbox: "rasso.wessex@cps.example", responseDays: "5", ...pairs })) form.set(name, value);
  return parseWithZod(form, { schema: areaSchema });
};

describe("an Area's letter details as typed", () => {
  it("keep each line of the address, without blank lines or spaces at the ends", () => {
    const submission = settings({ letterAddressEn: "  1 Example Street \r\n\r\nExampletown\nEX1 2MP  ", letterPhone: " 020  7946 0000 " });
    expect(submission.status).toBe("success");
    const value = submission.status === "success" ? submission.value : null;
    expect(value?.letterAddressEn).toBe("1 Example Street\nExampletown\nEX1 2MP");
    expect(value?.letterAddressCy).toBe("");
    expect(value?.letterPhone).toBe("020 7946 0000");
  });

  it("may be left empty", () => {
    const submission = settings({});
    expect(submission.status === "success" && submission.value).toMatchObject({ letterAddressEn: "", letterAddressCy: "", letterPhone: "" });
  });

  it.each([
    ["seven lines", { letterAddressEn: "1\n2\n3\n4\n5\n6\n7" }, "letterAddressEn"],
    ["a line of 81 characters", { letterAddressCy: "x".repeat(81) }, "letterAddressCy"],
    ["a control character", { letterAddressEn: "1 Example Street\u0007" }, "letterAddressEn"],
    ["a phone number with letters", { letterPhone: "call us" }, "letterPhone"],
    ["a phone number too short", { letterPhone: "999" }, "letterPhone"],
  ])("refuse %s with a translated message", (_, pairs, field) => {
    const submission = settings(pairs);
    expect(submission.status).toBe("error");
    expect(submission.status === "error" && submission.error?.[field]?.[0]).toBe(field === "letterPhone" ? "admin.errors.phone" : "admin.errors.address");
  });

  it("refuse a Welsh address without an English one, which English letters would go without", () => {
    const submission = settings({ letterAddressCy: "1 Stryd Enghraifft\nCaerdydd" });
    expect(submission.status === "error" && submission.error?.letterAddressEn).toEqual(["admin.errors.addressEnFirst"]);
    expect(settings({ letterAddressEn: "1 Example Street", letterAddressCy: "1 Stryd Enghraifft" }).status).toBe("success");
    // Said together with any other error, not only once the rest is right.
    const both = settings({ responseDays: "soon", letterAddressCy: "1 Stryd Enghraifft" });
    expect(both.status === "error" && both.error).toMatchObject({ responseDays: ["admin.errors.responseDays"], letterAddressEn: ["admin.errors.addressEnFirst"] });
  });

  it("are named by what is set, so a phone number alone is not called an address", () => {
    expect(letterDetailsSet({ letterAddressEn: "1 Example Street", letterPhone: "029 2018 0000" })).toBe("addressAndPhone");
    expect(letterDetailsSet({ letterAddressEn: "1 Example Street", letterPhone: "" })).toBe("addressOnly");
    expect(letterDetailsSet({ letterAddressEn: "", letterPhone: "029 2018 0000" })).toBe("phoneOnly");
    expect(letterDetailsSet({ letterAddressEn: "", letterPhone: "" })).toBe("none");
    expect(letterDetailsSet(null)).toBe("none");
  });
});

describe("the lines a letter prints under the Area's name", () => {
  const area = { letterAddressEn: "1 Example Street\nCardiff\nCF10 1AA", letterAddressCy: "", letterPhone: "029 2018 0000" };

  it("are the address, then the phone number, in the letter's language", () => {
    expect(areaLines(area, "en")).toEqual(["1 Example Street", "Cardiff", "CF10 1AA", "Phone: 029 2018 0000"]);
    expect(areaLines(area, "cy")).toEqual(["1 Example Street", "Cardiff", "CF10 1AA", "Ffôn: 029 2018 0000"]);
    expect(areaLines({ ...area, letterAddressCy: "1 Stryd Enghraifft\nCaerdydd\nCF10 1AA" }, "cy")).toEqual(["1 Stryd Enghraifft", "Caerdydd", "CF10 1AA", "Ffôn: 029 2018 0000"]);
  });

  it("are none for an Area with nothing set, or no Area", () => {
    expect(areaLines({ letterAddressEn: "", letterAddressCy: "", letterPhone: "" }, "cy")).toEqual([]);
    expect(areaLines(null, "en")).toEqual([]);
  });
});

describe("an Area's details on its letters", () => {
  let db: Db;
  beforeAll(async () => {
    let url: string;
    ({ db, url } = await createMigratedDatabase());
    setDb(db);
    initRateLimits(url);
    await loadBaselineLetters(db);
  });
  afterAll(async () => {
    await closeRateLimits();
    await db.$disconnect();
  });

  const post = async (who: { cookie: string; csrf: string }, pairs: Record<string, string>) =>
    saveArea({
      request: new Request("http://localhost/staff/admin/areas/cymru-wales", {
        method: "POST",
        headers: { Cookie: who.cookie, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrf: who.csrf, ...pairs }),
      }),
      params: { id: "cymru-wales" },
      context: { cspNonce: "", clientAddress: "127.0.0.1" },
    } as never);

  const letterForm = (language: "en" | "cy") => {
    const form = new FormData();
    for (const [name, value] of Object.entries({
      language, intent: "preview", "v.victim_name": "Cerys", "v.reference": "62/CF/90219/27", "v.letter_date": "2027-05-10",
      "v.contact_name": "Owain Pritchard", "v.contact_phone": "029 2018 0456", "v.evidence_needed": "yes",
    })) form.set(name, value);
    return form;
  };

  it("are saved by an administrator, audited, and printed on the Area's letters in both languages", async () => {
    const { user: admin } = await makeUser(db, { roles: ["ADMIN"] });
    const response = (await post(await signedIn(db, admin.id), {
      rassoMailbox: "rasso.cymru@cps.example",
      responseDays: "5",
      letterAddressEn: "1 Example Street\nCardiff\nCF10 1AA",
      letterAddressCy: "1 Stryd Enghraifft\nCaerdydd\nCF10 1AA",
      letterPhone: "029 2018 0000",
    })) as Response;
    expect(response.status).toBe(302);
    const area = await db.area.findUniqueOrThrow({ where: { id: "cymru-wales" } });
    expect(area.letterAddressCy).toBe("1 Stryd Enghraifft\nCaerdydd\nCF10 1AA");
    const changes = await db.auditEvent.findMany({ where: { action: "admin.area_changed", targetId: "cymru-wales" } });
    expect(changes.map((event) => (event.detail as { field: string }).field).sort()).toEqual(["letterAddressCy", "letterAddressEn", "letterPhone", "rassoMailbox"]);

    const { user: staff } = await makeUser(db, { roles: ["AREA_STAFF"], areaId: "cymru-wales" });
    const version = (await approvedVersion(db, "giving-evidence"))!;
    const welsh = await actOnRender(db, staff, version, letterForm("cy"));
    expect(welsh.status).toBe(200);
    expect(welsh.posted.html).toContain("CPS Cymru-Wales<br>1 Stryd Enghraifft<br>Caerdydd<br>CF10 1AA<br>Ffôn: 029 2018 0000");
    const english = await actOnRender(db, staff, version, letterForm("en"));
    expect(english.posted.html).toContain("1 Example Street<br>Cardiff<br>CF10 1AA<br>Phone: 029 2018 0000");

    const pdf = await pdfText(await letterPdf(version, { victim_name: "Cerys", reference: "62/CF/90219/27", letter_date: "2027-05-10", area_name: "CPS Cymru-Wales", contact_name: "Owain Pritchard", contact_phone: "029 2018 0456", evidence_needed: true }, "cy", ["1 Stryd Enghraifft", "Caerdydd"]));
    expect(pdf.text).toContain("1 Stryd Enghraifft Caerdydd");

    // The download route reads the Area itself: the staff member's own Area, in the letter's language.
    const who = await signedIn(db, staff.id);
    const form = new URLSearchParams({ csrf: who.csrf });
    for (const [name, value] of letterForm("en").entries()) form.set(name, String(value));
    const download = (await letterPdfRoute({
      request: new Request("http://localhost/staff/letters/giving-evidence/render.pdf", {
        method: "POST",
        headers: { Cookie: who.cookie, "Content-Type": "application/x-www-form-urlencoded" },
        body: form,
      }),
      params: { id: "giving-evidence" },
      context: { cspNonce: "", clientAddress: "127.0.0.1" },
    } as never)) as Response;
    expect(download.headers.get("Content-Type")).toBe("application/pdf");
    const downloaded = await pdfText(Buffer.from(await download.arrayBuffer()));
    expect(downloaded.text).toContain("1 Example Street Cardiff CF10 1AA Phone: 029 2018 0000");
  });

  it("keep everything typed when one is refused, and change nothing", async () => {
    const { user: admin } = await makeUser(db, { roles: ["ADMIN"] });
    const before = await db.area.findUniqueOrThrow({ where: { id: "cymru-wales" } });
    const typed = {
      rassoMailbox: "rasso.new@cps.example",
      responseDays: "7",
      fullContentEmail: "yes",
      letterAddressEn: "2 Example Road\nSwansea",
      letterAddressCy: "2 Heol Enghraifft\nAbertawe",
      letterPhone: "not a number",
    };
    const refused = (await post(await signedIn(db, admin.id), typed)) as unknown as { data: { errors: Record<string, string[]>; values: Record<string, string> }; init: { status: number } };
    expect(refused.init.status).toBe(400);
    expect(refused.data.errors.letterPhone).toEqual(["admin.errors.phone"]);
    // The checkbox comes back ticked.
    expect(refused.data.values).toMatchObject({ ...typed, fullContentEmail: true });
    expect(await db.area.findUniqueOrThrow({ where: { id: "cymru-wales" } })).toEqual(before);
  });

  it("are named on the letter-making page by what is missing", async () => {
    const notice = async (areaId: string) => {
      const { user } = await makeUser(db, { roles: ["AREA_STAFF"], areaId });
      const who = await signedIn(db, user.id);
      const page = (await renderPage({
        request: new Request("http://localhost/staff/letters/giving-evidence/render", { headers: { Cookie: who.cookie } }),
        params: { id: "giving-evidence" },
        context: { cspNonce: "", clientAddress: "127.0.0.1" },
      } as never)) as { details: string };
      return page.details;
    };
    await db.area.update({ where: { id: "london-north" }, data: { letterPhone: "020 7946 0000" } });
    await db.area.update({ where: { id: "london-south" }, data: { letterAddressEn: "1 Example Street\nLondon" } });
    try {
      expect(await notice("london-north")).toBe("phoneOnly");
      expect(await notice("london-south")).toBe("addressOnly");
      expect(await notice("wessex")).toBe("none");
    } finally {
      await db.area.updateMany({ where: { id: { in: ["london-north", "london-south"] } }, data: { letterPhone: "", letterAddressEn: "" } });
    }
    // Each missing detail is named as what it is.
    expect(DETAILS_MISSING).toEqual({ none: "letters.noAreaDetails", phoneOnly: "letters.noAreaAddress", addressOnly: "letters.noAreaPhone" });
  });

  it("are printed for no other Area", async () => {
    const { user: staff } = await makeUser(db, { roles: ["AREA_STAFF"], areaId: "wessex" });
    const version = (await approvedVersion(db, "giving-evidence"))!;
    const letter = await actOnRender(db, staff, version, letterForm("en"));
    expect(letter.posted.html).toContain("CPS Wessex</address>");
  });
});
