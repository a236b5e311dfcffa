// Previous and next steps of the walkthrough.
import { Pager } from "~/components/content/Pager.tsx";
import { localisePath, type Lang } from "~/features/i18n/languages.ts";

type Neighbour = { id: string; title: string } | undefined;

export function StagePager({ lang, previous, next, steps }: {
  lang: Lang;
  previous: Neighbour;
  next: Neighbour;
  steps: { previous: string; next: string; label: string };
}) {
  const link = (stage: Neighbour) =>
    stage ? { href: localisePath(`/walkthrough/${stage.id}`, lang), title: stage.title } : undefined;
  return <Pager previous={link(previous)} next={link(next)} labels={{ ...steps, nav: steps.label }} />;
}
