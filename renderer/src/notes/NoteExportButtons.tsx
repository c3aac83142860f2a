import { useId, useState } from 'react';
import { invoke } from '../api/client';
import { useReportError } from '../app/toasterContext';
import { saveFile } from '../export/download';
import { flushOpenNote } from './openNote';

const FORMATS = [
  { format: 'md', label: 'Markdown (.md)' },
  { format: 'docx', label: 'Word (.docx)' },
] as const;

/**
 * Export note: the note alone as Markdown or Word (`export.note`), handed over like the other
 * exports (a download in web mode; the desktop app answers it with the Save dialog).
 */
export function NoteExportButtons({ noteId }: { noteId: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const reportError = useReportError();

  const run = async (format: (typeof FORMATS)[number]['format']) => {
    setBusy(true);
    try {
      // What was typed a moment ago is in the file too.
      await flushOpenNote();
      const file = await invoke('export.note', { id: noteId, format });
      saveFile(file.fileName, file.mediaType, file.dataBase64);
      setOpen(false);
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="note-export">
      <button
        type="button"
        className="link-button"
        aria-expanded={open}
        aria-controls={`${id}-formats`}
        onClick={() => setOpen((o) => !o)}
      >
        Export note
      </button>
      <div
        id={`${id}-formats`}
        role="group"
        aria-label="Export note as"
        className="note-export-formats"
        hidden={!open}
      >
        {FORMATS.map(({ format, label }) => (
          <button key={format} type="button" disabled={busy} onClick={() => void run(format)}>
            {label}
          </button>
        ))}
      </div>
    </div>
  );
}
