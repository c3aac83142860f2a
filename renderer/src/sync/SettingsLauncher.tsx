import { useId } from 'react';
import { DialogLauncher } from '../app/DialogLauncher';
import { Modal } from '../ui/Modal';
import { AppearanceSettings } from '../appearance/AppearanceSettings';
import { SyncSettings } from './SyncSettings';

/** The header's Settings… button and its shortcut (Ctrl/Cmd+,), with the dialog they open. */
export function SettingsLauncher() {
  const ids = useId();
  return (
    <DialogLauncher
      label="Settings…"
      className="settings-button"
      shortcut="settings"
      openEvent="open-settings"
      dialog={(close) => (
        <Modal open onClose={close} labelledBy={`${ids}-title`} className="settings-dialog">
          <h2 id={`${ids}-title`}>Settings</h2>
          <AppearanceSettings />
          <SyncSettings />
          <div className="dialog-actions">
            <button type="button" onClick={close}>
              Close
            </button>
          </div>
        </Modal>
      )}
    />
  );
}
