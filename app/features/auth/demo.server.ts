// Demonstration accounts for local mode only: one per role, made once on an
// empty database. Their sign-in details and authenticator keys are printed
// once (or, with DEMO_ACCOUNTS=file, only written to the data folder).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Role } from "~/generated/prisma/client.ts";
import type { Db } from "~/utils/db.server.ts";
import { fieldCipher } from "~/features/crypto/cipher.server.ts";
import { hashPassword } from "./password.server.ts";
import { newTotpSecret } from "./totp.server.ts";

type DemoAccount = { email: string; name: string; roles: Role[]; areaId?: string; organisation?: string };

const ACCOUNTS: DemoAccount[] = [
  { email: "admin@portal.example", name: "Ada Admin", roles: ["ADMIN"] },
  { email: "staff.london-south@portal.example", name: "Sam South", roles: ["AREA_STAFF"], areaId: "london-south" },
  { email: "vlo.london-south@portal.example", name: "Val South", roles: ["VLO"], areaId: "london-south" },
  { email: "staff.london-north@portal.example", name: "Nia North", roles: ["AREA_STAFF"], areaId: "london-north" },
  { email: "editor@portal.example", name: "Eddie Editor", roles: ["LETTER_EDITOR"] },
  { email: "reviewer@portal.example", name: "Rhian Reviewer", roles: ["LETTER_EDITOR"] },
  { email: "isva@isva-service.example", name: "Isla Adviser", roles: ["ISVA"], organisation: "Example ISVA Service" },
];

export type DemoCredentials = { email: string; password: string; totpSecret: string; roles: Role[]; areaId?: string };

function passphrase() {
  const words = ["amber", "birch", "cedar", "delta", "ember", "fjord", "grove", "heron", "inlet", "juniper", "kestrel", "larch", "meadow", "nettle", "orchard", "pebble", "quarry", "rowan", "spruce", "thistle", "upland", "valley", "willow", "yarrow"];
  return Array.from({ length: 4 }, () => words[crypto.randomInt(words.length)]).join("-") + `-${crypto.randomInt(100, 999)}`;
}

export async function seedDemoAccounts(db: Db, dataDir: string, { print }: { print: boolean }) {
  if ((await db.user.count()) > 0) return null;
  const credentials: DemoCredentials[] = [];
  for (const account of ACCOUNTS) {
    const password = passphrase();
    const totpSecret = newTotpSecret();
    const now = new Date();
    const user = await db.user.create({
      data: {
        email: account.email,
        name: account.name,
        roles: account.roles,
        areaId: account.areaId ?? null,
        organisation: account.organisation ?? null,
        status: "ACTIVE",
        passwordHash: await hashPassword(password),
        emailVerifiedAt: now,
        approvedAt: now,
        totpEnabledAt: now,
      },
    });
    await db.user.update({ where: { id: user.id }, data: { totpSecret: fieldCipher().encrypt(totpSecret, user.id) } });
    credentials.push({ email: account.email, password, totpSecret, roles: account.roles, areaId: account.areaId });
  }
  await db.recognisedDomain.upsert({
    where: { domain: "isva-service.example" },
    create: { domain: "isva-service.example", organisation: "Example ISVA Service" },
    update: {},
  });
  const file = path.join(dataDir, "demo-accounts.json");
  fs.writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  if (print) {
    console.log("\nDemonstration accounts (local mode only; also in data/demo-accounts.json):");
    for (const c of credentials) {
      console.log(`  ${c.roles.join(", ").padEnd(14)} ${c.email.padEnd(36)} password ${c.password}  authenticator key ${c.totpSecret}`);
    }
    console.log("");
  }
  return credentials;
}
