// The process's field cipher, keyed from ENCRYPTION_KEY (and any older keys
// still needed to read existing records, in ENCRYPTION_KEYS_OLD).
import { getEnv } from "~/utils/config.server.ts";
import { createFieldCipher, parseKeyring } from "./field-encryption.server.ts";

let cipher: ReturnType<typeof createFieldCipher> | undefined;

export function fieldCipher() {
  if (!cipher) {
    const { ENCRYPTION_KEY, ENCRYPTION_KEYS_OLD } = getEnv();
    if (!ENCRYPTION_KEY) throw new Error("ENCRYPTION_KEY is not set.");
    cipher = createFieldCipher(parseKeyring({ ENCRYPTION_KEY, ENCRYPTION_KEYS_OLD }));
  }
  return cipher;
}
