import { useEffect, useState } from 'react';
import { useLibraryEvents } from '../app/useLibraryEvents';
import { ExportDialog } from './ExportDialog';

const isMac = () => /mac/i.test(navigator.platform);

/** The header's Export… button and its shortcut (Ctrl/Cmd+Shift+E), with the dialog they open. */
export function ExportLauncher({ articleId }: { articleId: string | null }) {
  const [open, setOpen] = useState(false);
  // The desktop app's File → Export… arrives as an event.
  useLibraryEvents((event) => {
    if (event.type === 'open-export') setOpen(true);
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (
        (event.ctrlKey || event.metaKey) &&
        event.shiftKey &&
        !event.altKey &&
        event.key.toLowerCase() === 'e'
      ) {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  return (
    <>
      <button
        type="button"
        className="export-button"
        aria-keyshortcuts={isMac() ? 'Meta+Shift+E' : 'Control+Shift+E'}
        onClick={() => setOpen(true)}
      >
        Export…
      </button>
      {open && <ExportDialog open={open} onClose={() => setOpen(false)} articleId={articleId} />}
    </>
  );
}
