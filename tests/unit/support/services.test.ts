// The support services: loaded once from the reviewed defaults, corrected by
// administrators with every change audited, and shown grouped in the reader's
// language. Bad input is refused with a message for each field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SERVICES } from "~/features/support/defaults.ts";
import { SUPPORT_GROUPS } from "~/features/support/groups.ts";
import { addService, listServices, loadDefaultServices, removeService, serviceSchema, servicesByGroup, updateService } from "~/features/support/services.server.ts";
import { connectDb, type Db } from "~/utils/db.server.ts";
import { createMigratedDatabase } from "../../setup/database.ts";
import { makeUser } from "../../setup/users.ts";

let db: Db;
let second: Db;

beforeAll(async () => {
  const made = await createMigratedDatabase();
  db = made.db;
  second = connectDb(made.url, { max: 2 });
});

afterAll(async () => {
  await db?.$disconnect();
  await second?.$disconnect();
});

const valid = {
  nameEn: "Example Service",
  nameCy: "Gwasanaeth Enghreifftiol",
  forEn: "Anyone.",
  forCy: "Unrhyw un.",
  contactEn: "See the website.",
  contactCy: "Gweler y wefan.",
  url: "https://example.org/help",
  groups: ["deaf"],
};

describe("support services", () => {
  it("load the defaults once, even on two instances at once, and never over corrections", async () => {
    const added = await Promise.all([loadDefaultServices(db), loadDefaultServices(second)]);
    expect(added[0] + added[1]).toBe(DEFAULT_SERVICES.length);
    expect(await db.supportService.count()).toBe(DEFAULT_SERVICES.length);
    expect(await loadDefaultServices(db)).toBe(0);
  });

  it("every default is well formed and listed under a known group", () => {
    for (const service of DEFAULT_SERVICES) {
      const { id: _id, ...values } = service;
      expect(serviceSchema.safeParse(values).success, service.id).toBe(true);
      expect(service.groups.every((group) => SUPPORT_GROUPS.includes(group))).toBe(true);
    }
  });

  it("are added, corrected and removed by an administrator, each change audited, and shown at once", async () => {
    const { user: admin } = await makeUser(db, { roles: ["ADMIN"] });
    const id = await addService(db, admin, serviceSchema.parse(valid));
    expect(id).toBe("example-service");
    expect(await addService(db, admin, serviceSchema.parse(valid))).toBe("example-service-2");

    const deaf = (await servicesByGroup(db, "cy")).find((entry) => entry.group === "deaf")!;
    expect(deaf.services.map((service) => service.name)).toContain("Gwasanaeth Enghreifftiol");

    expect(await updateService(db, admin, id, serviceSchema.parse({ ...valid, contactEn: "Call 0800 000 000.", groups: ["lgbt", "deaf"] }))).toBe(true);
    const lgbt = (await servicesByGroup(db, "en")).find((entry) => entry.group === "lgbt")!;
    expect(lgbt.services.find((service) => service.id === id)?.contact).toBe("Call 0800 000 000.");

    expect(await removeService(db, admin, "example-service-2")).toBe(true);
    expect(await removeService(db, admin, "example-service-2")).toBe(false);
    expect(await updateService(db, admin, "nowhere", serviceSchema.parse(valid))).toBe(false);
    expect((await listServices(db)).map((service) => service.id)).not.toContain("example-service-2");

    const actions = (await db.auditEvent.findMany({ where: { actorId: admin.id }, orderBy: { at: "asc" } })).map((event) => event.action);
    expect(actions).toEqual(["admin.support_service_added", "admin.support_service_added", "admin.support_service_changed", "admin.support_service_removed"]);
  });

  it("lists groups in order, leaving out groups with no service", async () => {
    const groups = (await servicesByGroup(db, "en")).map((entry) => entry.group);
    expect(groups).toEqual(SUPPORT_GROUPS.filter((group) => groups.includes(group)));
    expect(groups[0]).toBe("everyone");
    expect(groups).not.toContain("disabled");
  });

  it("refuse an empty name, a web address that is not https, an unknown or missing group, and over-long text", () => {
    const problems = (values: Record<string, unknown>) => {
      const result = serviceSchema.safeParse(values);
      return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    };
    expect(problems({ ...valid, nameEn: "  " })).toEqual(["nameEn: support.errors.required"]);
    expect(problems({ ...valid, url: "http://example.org" })).toEqual(["url: support.errors.url"]);
    expect(problems({ ...valid, url: "javascript:alert(1)" })).toEqual(["url: support.errors.url"]);
    expect(problems({ ...valid, groups: [] })).toEqual(["groups: support.errors.groups"]);
    expect(problems({ ...valid, groups: ["martians"] })).toEqual(["groups.0: support.errors.groups"]);
    expect(problems({ ...valid, forCy: "a".repeat(301) })).toEqual(["forCy: support.errors.tooLong"]);
  });
});
