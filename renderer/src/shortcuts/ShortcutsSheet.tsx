import { useId } from 'react';
import { DialogLauncher } from '../app/DialogLauncher';
import {
  chordLabel,
  isMac,
  SHORTCUT_GROUPS,
  SHORTCUTS,
  type Chord,
  type Shortcut,
} from '../app/shortcuts';
import { Modal } from '../ui/Modal';

const ENTRIES: readonly Shortcut[] = Object.values(SHORTCUTS);

/** One shortcut's keys: each chord in <kbd>, alternatives joined by "or". */
function Keys({ chords, mac }: { chords: readonly Chord[]; mac: boolean }) {
  return (
    <>
      {chords.map((chord, i) => (
        <span key={i}>
          {i > 0 && <span className="shortcut-or"> or </span>}
          <kbd>{chordLabel(chord, mac)}</kbd>
        </span>
      ))}
    </>
  );
}

/** The list of every shortcut in app/shortcuts.ts, grouped, in this platform's keys. */
function ShortcutsSheet({ onClose }: { onClose: () => void }) {
  const ids = useId();
  const mac = isMac();
  return (
    <Modal open onClose={onClose} labelledBy={`${ids}-title`} className="shortcuts-sheet">
      <h2 id={`${ids}-title`}>Keyboard shortcuts</h2>
      <div className="shortcuts-groups">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group} aria-labelledby={`${ids}-${group}`}>
            <h3 id={`${ids}-${group}`}>{group}</h3>
            <table>
              <tbody>
                {ENTRIES.filter((s) => s.group === group).map((s) => (
                  <tr key={s.label}>
                    <th scope="row">
                      {s.label}
                      {s.scope && <span className="shortcut-scope"> ({s.scope})</span>}
                    </th>
                    <td>
                      <Keys chords={s.chords} mac={mac} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}

/** The header's "?" button, the `?` key and Help → Keyboard Shortcuts, opening the sheet. */
export function ShortcutsLauncher() {
  return (
    <DialogLauncher
      label="?"
      ariaLabel="Keyboard shortcuts"
      className="shortcuts-button"
      shortcut="shortcuts"
      openEvent="open-shortcuts"
      printable
      dialog={(close) => <ShortcutsSheet onClose={close} />}
    />
  );
}
