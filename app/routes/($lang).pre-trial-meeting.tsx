import type { LoaderFunctionArgs } from "@remix-run/node";
import { InfoPageRoute, infoPageMeta } from "~/components/content/InfoPageView.tsx";
import { loadInfoPage } from "~/features/content/pages.server.ts";
import { publicHeaders } from "~/utils/http.server.ts";

export const headers = publicHeaders;
export const meta = infoPageMeta;
export default InfoPageRoute;

// A function declaration, so the browser build can drop it with its import.
export async function loader({ params }: LoaderFunctionArgs) {
  return loadInfoPage(params, "preTrialMeeting");
}
