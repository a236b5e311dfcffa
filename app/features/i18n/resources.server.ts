// Interface strings, bundled into the server build so no file path is needed
// at run time. Long-form content (walkthrough, explainer) is loaded by its own
// feature and sent to the page that shows it, never to every page.
import cyCommon from "../../../locales/cy/common.json";
import enCommon from "../../../locales/en/common.json";
import type { Lang } from "./languages.ts";

export type UiStrings = typeof enCommon;

const ui: Record<Lang, UiStrings> = { en: enCommon, cy: cyCommon };

export function uiStrings(lang: Lang): UiStrings {
  return ui[lang];
}
