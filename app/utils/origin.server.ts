import { getEnv } from "./config.server.ts";

/** The portal's public origin: PUBLIC_URL when set, else the request's own. */
export function publicOrigin(request: Request): string {
  const configured = getEnv().PUBLIC_URL;
  return configured ? new URL(configured).origin : new URL(request.url).origin;
}
