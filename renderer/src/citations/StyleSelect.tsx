/**
 * The citation style picker every citing surface shares (the export dialog, Copy as citation):
 * the short citation, the bundled styles, and the `.csl` styles added to the library — with
 * "Add style…" (a file picker) and, for an added style, "Remove style".
 */
import { useEffect, useRef, useState } from 'react';
import type { CitationStyleInfo } from '../../../electron/model/citationStyles';
import type { CitationStyle } from '../../../electron/model/export';
import { invoke } from '../api/client';
import { errorText } from '../api/errors';
import { useLibraryQuery } from '../app/useLibraryQuery';
import { STYLE_OPTIONS } from '../export/formats';

const BUNDLED_LABELS = new Map(STYLE_OPTIONS.map((o) => [o.value, o.label]));

function label(s: CitationStyleInfo): string {
  return s.builtIn ? (BUNDLED_LABELS.get(s.id) ?? s.title) : `${s.title} (added)`;
}

export function StyleSelect({
  id,
  value,
  onChange,
}: {
  /** The select's id, for the caller's <label>. */
  id: string;
  value: CitationStyle | null;
  onChange: (style: CitationStyle | null) => void;
}) {
  const styles = useLibraryQuery('citations.styles', {}, null);
  const file = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<{ text: string; problem: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const list = styles.data;
  const chosen = list?.find((s) => s.id === value) ?? null;

  // A remembered style that was removed (here or elsewhere) falls back to the short citation.
  useEffect(() => {
    if (list && value && !chosen) onChange(null);
  }, [list, value, chosen, onChange]);

  const add = async (f: File) => {
    setBusy(true);
    try {
      const added = await invoke('citations.addStyle', { fileName: f.name, text: await f.text() });
      // In the list before it is chosen: a choice missing from the list falls back to Short.
      styles.set((list) => [...list, added]);
      onChange(added.id);
      setStatus({
        text: `Added “${added.title}”.${added.localeNote ? ` ${added.localeNote}` : ''}`,
        problem: false,
      });
    } catch (e) {
      setStatus({ text: errorText(e), problem: true });
    } finally {
      setBusy(false);
    }
  };
  const remove = async (s: CitationStyleInfo) => {
    setBusy(true);
    try {
      await invoke('citations.removeStyle', { id: s.id as `user:${string}` });
      styles.set((list) => list.filter((x) => x.id !== s.id));
      onChange(null);
      setStatus({ text: `Removed “${s.title}”.`, problem: false });
    } catch (e) {
      setStatus({ text: errorText(e), problem: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="style-select">
      <select
        id={id}
        value={chosen ? chosen.id : value && !list ? value : ''}
        onChange={(e) => {
          setStatus(null);
          onChange((e.target.value || null) as CitationStyle | null);
        }}
      >
        <option value="">Short</option>
        {(list ?? []).map((s) => (
          <option key={s.id} value={s.id}>
            {label(s)}
          </option>
        ))}
        {!list && value && <option value={value}>{value}</option>}
      </select>
      <button type="button" disabled={busy} onClick={() => file.current?.click()}>
        Add style…
      </button>
      {chosen && !chosen.builtIn && (
        <button
          type="button"
          disabled={busy}
          onClick={() => void remove(chosen)}
          aria-label={`Remove style ${chosen.title}`}
        >
          Remove style
        </button>
      )}
      <input
        ref={file}
        type="file"
        hidden
        accept=".csl,.xml"
        aria-label="Add a .csl style file"
        onChange={(event) => {
          const f = event.currentTarget.files?.[0];
          event.currentTarget.value = ''; // so choosing the same file again still fires
          if (f) void add(f);
        }}
      />
      {chosen?.localeNote && !status && <span className="style-note">{chosen.localeNote}</span>}
      {status && (
        <span role={status.problem ? 'alert' : 'status'} className="style-status">
          {status.text}
        </span>
      )}
      {styles.error && <span role="alert">{styles.error.message}</span>}
    </span>
  );
}
