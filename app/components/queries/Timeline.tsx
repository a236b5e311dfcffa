// A query's history in MOJ Frontend's timeline markup: newest first, with who
// did it and when (UK time). Internal notes are marked as never shown to the ISVA.
import { useT } from "~/features/i18n/i18n.ts";
import type { TimelineItem } from "~/features/queries/views.server.ts";

export function Timeline({ items }: { items: TimelineItem[] }) {
  const t = useT();
  return (
    <div className="moj-timeline" data-testid="timeline">
      {items.map((item) => (
        <div key={item.id} className="moj-timeline__item">
          <div className="moj-timeline__header">
            <h3 className="moj-timeline__title">
              {t(item.title, {
                ...item.values,
                status: item.status ? t(`queries.statuses.${item.status}`) : "",
              })}
              {item.internal ? (
                <>
                  {" "}
                  <strong className="govuk-tag govuk-tag--grey">
                    {t("queries.timeline.internal")}
                  </strong>
                </>
              ) : null}
            </h3>
            {item.byline ? (
              <p className="moj-timeline__byline">
                {t("queries.timeline.by", { name: item.byline })}
              </p>
            ) : null}
          </div>
          <p className="moj-timeline__date">
            <time dateTime={item.at}>{item.when}</time>
          </p>
          {item.text || item.detail ? (
            <div className="moj-timeline__description">
              {item.text ? (
                <p className="govuk-body app-mail-body">
                  <bdi>{item.text}</bdi>
                </p>
              ) : null}
              {item.detail ? (
                <p className="govuk-body-s">{t(item.detail)}</p>
              ) : null}
            </div>
          ) : null}
        </div>
      ))}
    </div>
  );
}
