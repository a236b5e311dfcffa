// What the offline cache keeps: every public guide page in both languages and
// the assets they use. The version changes whenever the list or an asset does,
// so readers' caches are refreshed after each release.
import crypto from "node:crypto";
import fs from "node:fs";
import { LANGUAGES, localisePath } from "~/features/i18n/languages.ts";
import { TOPIC_IDS } from "~/features/evidence/content.server.ts";
import { GUIDE_IDS } from "~/features/guides/content.server.ts";
import { STAGE_IDS } from "~/features/walkthrough/stages.ts";

export const OFFLINE_PAGES = [
  "/",
  "/walkthrough",
  ...STAGE_IDS.map((id) => `/walkthrough/${id}`),
  "/walkthrough/all",
  "/glossary",
  "/special-measures",
  "/evidence",
  ...TOPIC_IDS.map((id) => `/evidence/${id}`),
  "/evidence/checklist",
  "/evidence/questions",
  "/guides",
  ...GUIDE_IDS.map((id) => `/guides/${id}`),
  "/get-help",
  "/support-services",
  "/leaving-no-trace",
  "/pre-trial-meeting",
];

type Metafile = { outputs: Record<string, unknown> };

function enhanceAssets(): string[] {
  try {
    const meta = JSON.parse(fs.readFileSync(new URL("./enhance-meta.json", import.meta.url), "utf8")) as Metafile;
    return Object.keys(meta.outputs)
      .filter((file) => file.endsWith(".js"))
      .map((file) => `/${file.replace(/^public\//, "")}`);
  } catch {
    return [];
  }
}

export function offlineManifest(assets: string[]) {
  const pages = OFFLINE_PAGES.flatMap((page) => LANGUAGES.map((lang) => localisePath(page, lang)));
  const urls = [...pages, ...assets, ...enhanceAssets(), "/favicon.svg"];
  const version = crypto.createHash("sha256").update(urls.join("\n")).digest("hex").slice(0, 12);
  return { version, urls };
}
