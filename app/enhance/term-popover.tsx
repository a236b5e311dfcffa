// A glossary definition shown in place: react-aria-components' Popover and
// Dialog, anchored to the term the reader chose. Loaded only when a term is
// first opened. Accessibility: a labelled dialog that takes focus, closes with
// Escape, the Close button or a click outside, and returns focus to the term.
import { StrictMode, useRef } from "react";
import { createRoot } from "react-dom/client";
import { Button, Dialog, Heading, Popover } from "react-aria-components";

type Props = { term: string; definition: string; close: string; more: string; moreHref: string };

function TermPopover({ anchor, onClose, ...props }: Props & { anchor: HTMLElement; onClose: () => void }) {
  const triggerRef = useRef<HTMLElement>(anchor);
  return (
    <Popover
      triggerRef={triggerRef}
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      placement="bottom start"
      offset={6}
      className="app-popover"
      data-testid="term-popover"
    >
      <Dialog className="app-popover__dialog">
        <Heading slot="title" className="govuk-heading-s">
          {props.term}
        </Heading>
        <p className="govuk-body">{props.definition}</p>
        <p className="govuk-body-s">
          <a className="govuk-link" href={props.moreHref}>
            {props.more}
          </a>
        </p>
        <Button className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onPress={onClose}>
          {props.close}
        </Button>
      </Dialog>
    </Popover>
  );
}

export function openTermPopover(anchor: HTMLElement, props: Props) {
  const host = document.createElement("div");
  document.body.append(host);
  const root = createRoot(host);
  anchor.setAttribute("aria-expanded", "true");
  const close = () => {
    root.unmount();
    host.remove();
    anchor.setAttribute("aria-expanded", "false");
    anchor.focus();
  };
  root.render(
    <StrictMode>
      <TermPopover anchor={anchor} onClose={close} {...props} />
    </StrictMode>,
  );
}
