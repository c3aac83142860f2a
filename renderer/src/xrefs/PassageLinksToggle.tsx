import { useId, useState } from 'react';
import type { Passage } from '../../../electron/api/contract';
import { shortQuote } from '../passages/quoteText';
import { Backlinks } from './Backlinks';

/** A sidebar entry's "Links" disclosure: the passage's links panel, fetched only when opened. */
export function PassageLinksToggle({ passage }: { passage: Passage }) {
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const quote = shortQuote(passage.quote, 40);
  return (
    <>
      <button type="button" className="link-button passage-links" aria-expanded={open} aria-controls={panelId} aria-label={`Links of passage “${quote}”`} onClick={() => setOpen(!open)}>
        Links
      </button>
      <div id={panelId} hidden={!open}>
        {open && <Backlinks target={{ kind: 'passage', id: passage.id }} label={shortQuote(passage.quote, 160)} headingLevel={4} title={`Links of passage “${quote}”`} />}
      </div>
    </>
  );
}
