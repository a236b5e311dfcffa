// The process's configuration, parsed from the environment on first use.
import { parseEnv, type Env } from "./env.server.ts";

let env: Env | undefined;

export function getEnv(): Env {
  env ??= parseEnv();
  return env;
}

/** Used once by the server after it has filled in local-mode defaults. */
export function setEnv(value: Env) {
  env = value;
}
