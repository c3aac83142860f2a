import { useState, type ReactNode } from 'react';
import type { LibraryEvent } from '../../../electron/model/events';
import { isTextField } from './keys';
import { ariaKeys, isMac, type ShortcutId } from './shortcuts';
import { useLibraryEvents } from './useLibraryEvents';
import { useShortcut } from './useShortcut';

interface Props {
  /** The header button's text. */
  label: string;
  /** Its name, when the text is a symbol. */
  ariaLabel?: string;
  className: string;
  /** Its keys (app/shortcuts.ts), which open the dialog from anywhere. */
  shortcut: ShortcutId;
  /** The desktop menu's event that opens it too (File → Export…, Settings…, Help → …). */
  openEvent: LibraryEvent['type'];
  /** The dialog, while open. */
  dialog: (close: () => void) => ReactNode;
  /** A key that types a character: left to text fields and to dialogs already open. */
  printable?: boolean;
}

/** A header button, its shortcut and its desktop menu item, opening one dialog. */
export function DialogLauncher({
  label,
  ariaLabel,
  className,
  shortcut,
  openEvent,
  dialog,
  printable = false,
}: Props) {
  const [open, setOpen] = useState(false);
  useLibraryEvents((event) => {
    if (event.type === openEvent) setOpen(true);
  });
  useShortcut(shortcut, (event) => {
    if (printable && (isTextField(event.target) || document.querySelector('dialog[open]')))
      return false;
    setOpen(true);
  });
  return (
    <>
      <button
        type="button"
        className={className}
        aria-label={ariaLabel}
        title={ariaLabel}
        aria-keyshortcuts={ariaKeys(shortcut, isMac())}
        onClick={() => setOpen(true)}
      >
        {label}
      </button>
      {open && dialog(() => setOpen(false))}
    </>
  );
}
