import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

/** `notice`: an offer to act (e.g. update an article), polite, kept until acted on or dismissed. */
export type ToastKind = 'success' | 'error' | 'progress' | 'notice';
/** A button in the toast (e.g. Undo); running it also dismisses the toast. */
export interface ToastAction {
  label: string;
  /** A fuller accessible name where the label alone is ambiguous (several toasts offer it). */
  ariaLabel?: string;
  run: () => void;
}

export interface Toast {
  id: number;
  kind: ToastKind;
  text: string;
  action?: ToastAction;
}

/**
 * Successes fade after this; failures and notices stay until dismissed (they need reading or acting
 * on). A success that offers an action (Undo) stays too, until used, dismissed or replaced by the
 * next success: an offer that vanished while the user read, or while a slow machine caught up,
 * would be a lost undo (Material 3 keeps a snackbar with an action on screen for the same reason).
 */
export const SUCCESS_MS = 8000;

export interface Toaster {
  toasts: Toast[];
  show: (kind: ToastKind, text: string, action?: ToastAction) => number;
  dismiss: (id: number) => void;
}

export function useToasts(): Toaster {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    const timer = timers.current.get(id);
    if (timer !== undefined) clearTimeout(timer);
    timers.current.delete(id);
    setToasts((list) => list.filter((toast) => toast.id !== id));
  }, []);

  const show = useCallback(
    (kind: ToastKind, text: string, action?: ToastAction) => {
      const id = nextId.current++;
      // A new summary supersedes the last one; failures accumulate until read and dismissed.
      if (kind === 'success') {
        // Only successes have timers.
        timers.current.forEach((timer) => clearTimeout(timer));
        timers.current.clear();
      }
      setToasts((list) => [
        ...list.filter((toast) => kind !== 'success' || toast.kind !== 'success'),
        action ? { id, kind, text, action } : { id, kind, text },
      ]);
      if (kind === 'success' && !action)
        timers.current.set(
          id,
          setTimeout(() => dismiss(id), SUCCESS_MS),
        );
      return id;
    },
    [dismiss],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);

  return useMemo(() => ({ toasts, show, dismiss }), [toasts, show, dismiss]);
}
