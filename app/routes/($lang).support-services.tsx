// Specialist support for everyone: the services administrators keep in the
// portal, grouped by who they are for.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useT } from "~/features/i18n/i18n.ts";
import { uiStrings } from "~/features/i18n/resources.server.ts";
import { servicesByGroup } from "~/features/support/services.server.ts";
import { getDb } from "~/utils/db.server.ts";
import { freshPublicHeaders, requireLang } from "~/utils/http.server.ts";
import { titleMeta } from "~/utils/meta.ts";

export const headers = freshPublicHeaders;

export async function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLang(params.lang);
  return { title: uiStrings(lang).support.title, groups: await servicesByGroup(getDb(), lang) };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(matches, data?.title);

export default function SupportServices() {
  const t = useT();
  const { title, groups } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{title}</h1>
        <p className="govuk-body-l">{t("support.intro")}</p>
        {groups.map(({ group, services }) => (
          <section key={group} className="app-stage-section" aria-labelledby={`group-${group}`}>
            <h2 className="govuk-heading-m" id={`group-${group}`}>
              {t(`support.groups.${group}`)}
            </h2>
            <ul className="govuk-list">
              {services.map((service) => (
                <li key={service.id} className="govuk-!-margin-bottom-4">
                  <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                    <a className="govuk-link" href={service.url} rel="noreferrer noopener">
                      {service.name}
                    </a>
                  </h3>
                  <p className="govuk-body govuk-!-margin-bottom-1">{service.for}</p>
                  <p className="govuk-body">{service.contact}</p>
                </li>
              ))}
            </ul>
          </section>
        ))}
        <p className="govuk-body">{t("support.isvaNote")}</p>
      </div>
    </div>
  );
}
