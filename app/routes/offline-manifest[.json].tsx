// The list the service worker caches for offline reading.
import { offlineManifest } from "~/features/offline/manifest.server.ts";
import stylesHref from "~/styles/generated/main.css";

export async function loader() {
  return Response.json(offlineManifest([stylesHref]), { headers: { "Cache-Control": "no-store" } });
}
