import { InfoPageRoute, infoPageMeta } from "~/components/content/InfoPageView.tsx";
import { infoPageLoader } from "~/features/content/pages.server.ts";
import { publicHeaders } from "~/utils/http.server.ts";

export const headers = publicHeaders;
export const loader = infoPageLoader("privacy");
export const meta = infoPageMeta;
export default InfoPageRoute;
