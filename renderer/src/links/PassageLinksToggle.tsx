import { useId, useState } from 'react';
import type { Passage } from '../../../electron/model/passages';
import { shortQuote } from '../passages/quoteText';
import { Backlinks } from './Backlinks';

interface Props {
  passage: Passage;
  /** Controlled: the owner keeps the state (a virtualized list unmounts items out of view). */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}

/** A sidebar entry's "Links" disclosure: the passage's links panel, fetched only when opened. */
export function PassageLinksToggle({ passage, open: controlled, onOpenChange }: Props) {
  const panelId = useId();
  const [own, setOwn] = useState(false);
  const open = controlled ?? own;
  const quote = shortQuote(passage.quote, 40);
  return (
    <>
      <button
        type="button"
        className="link-button passage-links"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`Links of passage “${quote}”`}
        onClick={() => {
          setOwn(!open);
          onOpenChange?.(!open);
        }}
      >
        Links
      </button>
      <div id={panelId} hidden={!open}>
        {open && (
          <Backlinks
            target={{ kind: 'passage', id: passage.id }}
            label={shortQuote(passage.quote, 160)}
            headingLevel={4}
            title={`Links of passage “${quote}”`}
          />
        )}
      </div>
    </>
  );
}
