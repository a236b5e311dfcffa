// A VLO's week, day by day: an agenda on a phone, with a screen reader and
// with JavaScript off, and seven columns side by side on a wide screen (the
// same markup, laid out by the stylesheet). Each booked or offered time links to
// its request, where the victim's safe-contact choices are.
import { useLang, useT } from "~/features/i18n/i18n.ts";
import { localisePath } from "~/features/i18n/languages.ts";
import type { DiaryDay } from "~/features/meetings/diary.server.ts";

const TAGS = {
  meeting: "govuk-tag--green",
  offered: "govuk-tag--yellow",
  open: "govuk-tag--grey",
} as const;

export function Diary({
  days,
  week,
}: {
  days: DiaryDay[];
  week: { label: string; previous: string; next: string; current: string };
}) {
  const t = useT();
  const lang = useLang();
  const href = (monday: string) =>
    `${localisePath("/staff/meetings", lang)}?week=${monday}`;
  return (
    <section aria-labelledby="diary-title" data-testid="diary">
      <h2 className="govuk-heading-m" id="diary-title">
        {t("meetings.diary.title", { week: week.label })}
      </h2>
      <nav
        className="govuk-pagination govuk-pagination--block"
        aria-label={t("meetings.diary.weeks")}
      >
        <div className="govuk-pagination__prev">
          <a
            className="govuk-link govuk-pagination__link"
            href={href(week.previous)}
            rel="prev"
          >
            <span className="govuk-pagination__link-title">
              {t("meetings.diary.previous")}
            </span>
          </a>
        </div>
        <div className="govuk-pagination__next">
          <a
            className="govuk-link govuk-pagination__link"
            href={href(week.next)}
            rel="next"
          >
            <span className="govuk-pagination__link-title">
              {t("meetings.diary.next")}
            </span>
          </a>
        </div>
      </nav>
      <p className="govuk-body-s">
        <a className="govuk-link" href={href(week.current)}>
          {t("meetings.diary.thisWeek")}
        </a>
      </p>
      <div className="app-diary-week">
        {days.map((day) => (
          <div
            key={day.date}
            className={
              day.today ? "app-diary-day app-diary-day--today" : "app-diary-day"
            }
          >
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
              {day.label}
              {day.today ? (
                <strong className="govuk-tag govuk-tag--blue app-tag-gap">
                  {t("meetings.diary.today")}
                </strong>
              ) : null}
            </h3>
            {day.items.length ? (
              <ul className="govuk-list">
                {day.items.map((item, i) => (
                  <li key={i}>
                    <strong>{item.time}</strong>{" "}
                    <strong className={`govuk-tag ${TAGS[item.kind]}`}>
                      {t(`meetings.diary.${item.kind}`)}
                    </strong>{" "}
                    {item.mode === "VIDEO" ? (
                      t("meetings.diary.video")
                    ) : item.place ? (
                      <bdi>{item.place}</bdi>
                    ) : (
                      t("meetings.diary.inPerson")
                    )}
                    {item.reference ? (
                      <>
                        {" · "}
                        <a
                          className="govuk-link"
                          href={localisePath(
                            `/staff/meetings/${item.reference}`,
                            lang
                          )}
                        >
                          {item.reference}
                        </a>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="govuk-body-s">{t("meetings.diary.nothing")}</p>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}
