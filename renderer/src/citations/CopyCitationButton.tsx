import { useCallback, useId, useState } from 'react';
import type { CitationForm, CitationStyle } from '../../../electron/model/export';
import type { Passage } from '../../../electron/model/passages';
import { invoke } from '../api/client';
import { readCitationStyle, saveCitationStyle } from './citationStyle';
import { copyRich } from './copyRich';
import { StyleSelect } from './StyleSelect';

/** "Copy as citation" in the passage dialog: the quote plus its citation, in the style chosen beside it. */
export function CopyCitationButton({ passage }: { passage: Passage }) {
  const [style, setStyle] = useState<CitationStyle | null>(() => readCitationStyle());
  const [status, setStatus] = useState('');
  const choose = useCallback((next: CitationStyle | null) => {
    setStyle(next);
    saveCitationStyle(next);
  }, []);
  const id = useId();
  const copy = async (form: CitationForm) => {
    try {
      const c = await invoke('citations.passage', { id: passage.id, style, form });
      await copyRich(c.text, c.html);
      setStatus('Copied');
    } catch (e) {
      setStatus(`Couldn't copy: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <span className="copy-citation">
      <label htmlFor={`${id}-style`} className="sr-only">
        Citation style
      </label>
      <StyleSelect id={`${id}-style`} value={style} onChange={choose} />
      <button type="button" onClick={() => void copy('reference')}>
        Copy as citation
      </button>
      <button
        type="button"
        onClick={() => void copy('in-text')}
        title="The quote followed by its in-text citation, with the page"
      >
        Copy with in-text citation
      </button>
      <span role="status" className="copy-citation-status">
        {status}
      </span>
    </span>
  );
}
