import { useEffect, useId, useState } from 'react';
import { useLibraryEvents } from '../app/useLibraryEvents';
import { Modal } from '../ui/Modal';
import { SyncSettings } from './SyncSettings';

const isMac = () => /mac/i.test(navigator.platform);

/** The header's Settings… button and its shortcut (Ctrl/Cmd+,), with the dialog they open. */
export function SettingsLauncher() {
  const [open, setOpen] = useState(false);
  const ids = useId();
  // The desktop app's File → Settings… arrives as an event.
  useLibraryEvents((event) => {
    if (event.type === 'open-settings') setOpen(true);
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (
        (event.ctrlKey || event.metaKey) &&
        !event.shiftKey &&
        !event.altKey &&
        event.key === ','
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
        className="settings-button"
        aria-keyshortcuts={isMac() ? 'Meta+,' : 'Control+,'}
        onClick={() => setOpen(true)}
      >
        Settings…
      </button>
      {open && (
        <Modal
          open={open}
          onClose={() => setOpen(false)}
          labelledBy={`${ids}-title`}
          className="settings-dialog"
        >
          <h2 id={`${ids}-title`}>Settings</h2>
          <SyncSettings />
          <div className="dialog-actions">
            <button type="button" onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
        </Modal>
      )}
    </>
  );
}
