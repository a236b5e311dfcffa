// Test data builders for accounts, shared by the unit tests.
import crypto from "node:crypto";
import { fieldCipher } from "../../app/features/crypto/cipher.server.ts";
import { hashPassword } from "../../app/features/auth/password.server.ts";
import { newTotpSecret } from "../../app/features/auth/totp.server.ts";
import { createSession } from "../../app/features/auth/session.server.ts";
import type { Role } from "../../app/generated/prisma/client.ts";
import type { Db } from "../../app/utils/db.server.ts";

export const TEST_PASSWORD = "quiet-harbour-lantern-meadow-42";
let passwordHash: Promise<string> | undefined;

export async function makeUser(db: Db, { roles, areaId, organisation, name }: { roles: Role[]; areaId?: string; organisation?: string; name?: string }) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const secret = newTotpSecret();
  const user = await db.user.create({
    data: {
      email: `${roles[0]!.toLowerCase()}.${crypto.randomBytes(4).toString("hex")}@test.example`,
      name: name ?? `Test ${roles.join(" ")}`,
      roles,
      areaId: areaId ?? null,
      organisation: organisation ?? null,
      status: "ACTIVE",
      passwordHash: await passwordHash,
      emailVerifiedAt: new Date(),
      approvedAt: new Date(),
      totpEnabledAt: new Date(),
    },
  });
  const updated = await db.user.update({ where: { id: user.id }, data: { totpSecret: fieldCipher().encrypt(secret, user.id) } });
  return { user: updated, secret };
}

/** A fully signed-in session's cookie header and form token. */
export async function signedIn(db: Db, userId: string) {
  const token = await createSession(db, userId, { mfaPending: false });
  const session = await db.session.findFirstOrThrow({ where: { userId }, orderBy: { createdAt: "desc" } });
  return { cookie: `__Host-session=${token}`, csrf: session.csrfToken, token };
}
