import { useCallback } from 'react';
import { isTextField } from './keys';
import { useShortcut } from './useShortcut';
import { useToaster } from './toasterContext';

/** Ctrl/Cmd+Z outside a text field undoes the last deletion for this long after it. */
export const UNDO_WINDOW_MS = 10_000;

interface Offered {
  undo: () => void;
  at: number;
  dismissToast: () => void;
  redo: (() => void) | null;
}

export interface UndoOptions {
  /** What Ctrl/Cmd+Shift+Z (or Ctrl+Y) does right after the undo: the change again. */
  redo?: () => void;
  /** No toast (a change the user sees happen, such as a new highlight): the keys only. */
  quiet?: boolean;
}

/**
 * The latest deletion's undo, app-wide: Ctrl/Cmd+Z undoes the last thing deleted, whichever part
 * of the app deleted it (a note, then a passage: only the passage comes back).
 */
let latest: Offered | null = null;
/** The last undone change's redo, until another change is offered. */
let redoable: { redo: () => void; at: number } | null = null;

/**
 * What a deletion offers (notes, passages, links): a toast with an Undo button, and Ctrl/Cmd+Z
 * outside a text field for UNDO_WINDOW_MS. `offerUndo(message, undo, ariaLabel)` shows the toast;
 * `undo` runs at most once, from whichever is used first.
 */
export function useUndoableDelete(): (
  message: string,
  undo: () => void,
  ariaLabel?: string,
  options?: UndoOptions,
) => void {
  const { show, dismiss } = useToaster();

  // Every mounted user of this hook listens; the first to see the key takes it.
  useShortcut(['undo', 'redo'], (event, id) => {
    if (isTextField(event.target)) return false;
    if (id === 'redo') {
      const again = redoable;
      if (!again || Date.now() - again.at > UNDO_WINDOW_MS) return false;
      redoable = null;
      again.redo();
      return true;
    }
    const offered = latest;
    if (!offered || Date.now() - offered.at > UNDO_WINDOW_MS) return false;
    offered.dismissToast();
    offered.undo();
    if (offered.redo) redoable = { redo: offered.redo, at: Date.now() };
    return true;
  });

  return useCallback(
    (message: string, undo: () => void, ariaLabel?: string, options: UndoOptions = {}) => {
      let done = false;
      const offered: Offered = {
        at: Date.now(),
        redo: options.redo ?? null,
        undo: () => {
          if (latest === offered) latest = null;
          if (done) return;
          done = true;
          undo();
        },
        dismissToast: () => {
          if (toast !== null) dismiss(toast);
        },
      };
      const toast = options.quiet
        ? null
        : show('success', message, {
            label: 'Undo',
            ...(ariaLabel ? { ariaLabel } : {}),
            run: offered.undo,
          });
      latest = offered;
      redoable = null;
    },
    [show, dismiss],
  );
}
