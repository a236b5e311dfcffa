import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { InfoPageView, infoPageMeta } from "~/components/content/InfoPageView.tsx";
import { loadInfoPage, type InfoPage } from "~/features/content/pages.server.ts";
import { useT } from "~/features/i18n/i18n.ts";
import { publicHeaders } from "~/utils/http.server.ts";

export const headers = publicHeaders;
export const meta = infoPageMeta;

export async function loader({ params }: LoaderFunctionArgs) {
  return loadInfoPage(params, "leavingNoTrace");
}

export default function LeavingNoTrace() {
  const { page } = useLoaderData() as { page: InfoPage };
  const t = useT();
  return (
    <>
      <InfoPageView page={page} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m">{t("offline.heading")}</h2>
          <p className="govuk-body">{t("offline.body")}</p>
          <button type="button" className="govuk-button govuk-button--secondary" data-forget-offline="" data-done={t("offline.done")} hidden>
            {t("offline.button")}
          </button>
          <p className="govuk-body" role="status" data-testid="forget-offline-status" />
        </div>
      </div>
    </>
  );
}
