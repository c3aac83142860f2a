import { useCallback, useEffect } from 'react';
import { isModKey, isTextField } from './keys';
import { useToaster } from './toasterContext';

/** Ctrl/Cmd+Z outside a text field undoes the last deletion for this long after it. */
export const UNDO_WINDOW_MS = 10_000;

interface Offered {
  undo: () => void;
  at: number;
  dismissToast: () => void;
}

/**
 * The latest deletion's undo, app-wide: Ctrl/Cmd+Z undoes the last thing deleted, whichever part
 * of the app deleted it (a note, then a passage: only the passage comes back).
 */
let latest: Offered | null = null;

/**
 * What a deletion offers (notes, passages, links): a toast with an Undo button, and Ctrl/Cmd+Z
 * outside a text field for UNDO_WINDOW_MS. `offerUndo(message, undo, ariaLabel)` shows the toast;
 * `undo` runs at most once, from whichever is used first.
 */
export function useUndoableDelete(): (
  message: string,
  undo: () => void,
  ariaLabel?: string,
) => void {
  const { show, dismiss } = useToaster();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const offered = latest;
      if (!offered || event.defaultPrevented || isTextField(event.target) || !isModKey(event, 'z'))
        return;
      if (Date.now() - offered.at > UNDO_WINDOW_MS) return;
      // Every mounted user of this hook listens; the first to see the key takes it.
      event.preventDefault();
      offered.dismissToast();
      offered.undo();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return useCallback(
    (message: string, undo: () => void, ariaLabel?: string) => {
      let done = false;
      const offered: Offered = {
        at: Date.now(),
        undo: () => {
          if (latest === offered) latest = null;
          if (done) return;
          done = true;
          undo();
        },
        dismissToast: () => dismiss(toast),
      };
      const toast = show('success', message, {
        label: 'Undo',
        ...(ariaLabel ? { ariaLabel } : {}),
        run: offered.undo,
      });
      latest = offered;
    },
    [show, dismiss],
  );
}
