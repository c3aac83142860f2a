import { useEffect, useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';

interface Props {
  open: boolean;
  /** Escape, the backdrop (when `closeOnBackdrop`) or a close button. */
  onClose: () => void;
  labelledBy: string;
  describedBy?: string;
  className?: string;
  /** Focused when the dialog opens (else the browser's choice: the first focusable element). */
  initialFocus?: RefObject<HTMLElement | null>;
  /**
   * Focused on closing when what had the focus before opening is gone (a toolbar that went away
   * with the selection); else the nearest of its ancestors that can take the focus.
   */
  returnFocus?: RefObject<HTMLElement | null>;
  closeOnBackdrop?: boolean;
  /**
   * Called after opening, with the dialog element (e.g. to place it near what opened it); what it
   * returns runs when the dialog closes.
   */
  onOpened?: (dialog: HTMLDialogElement) => (() => void) | void;
  children: ReactNode;
}

/** The elements above `el` that can take the focus (a pane, a list, the reader), nearest first. */
function focusableAncestors(el: HTMLElement | null): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (let at = el?.parentElement ?? null; at && at !== document.body; at = at.parentElement)
    if (at.hasAttribute('tabindex')) found.push(at);
  return found;
}

/**
 * A modal built on <dialog>.showModal(): the browser traps focus and makes the rest of the page
 * inert; Escape closes; focus returns to where it was before opening, or when that is gone to
 * `returnFocus`, else to the nearest focusable ancestor it had (never to the page itself).
 */
export function Modal({
  open,
  onClose,
  labelledBy,
  describedBy,
  className,
  initialFocus,
  returnFocus,
  closeOnBackdrop,
  onOpened,
  children,
}: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const onOpenedRef = useRef(onOpened);
  useEffect(() => {
    onOpenedRef.current = onOpened;
  });

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!open || !dialog) return;
    // The page itself is no place to return to (what had the focus went away before opening).
    const active = document.activeElement;
    const returnTo = active instanceof HTMLElement && active !== document.body ? active : null;
    const ancestors = focusableAncestors(returnTo);
    const fallback = returnFocus?.current ?? null;
    if (!dialog.open) dialog.showModal();
    const cleanup = onOpenedRef.current?.(dialog);
    initialFocus?.current?.focus();
    // Closing (or unmounting while open) hands focus back to where it was.
    return () => {
      cleanup?.();
      if (dialog.open) dialog.close();
      const target = returnTo?.isConnected
        ? returnTo
        : fallback?.isConnected
          ? fallback
          : ancestors.find((el) => el.isConnected);
      target?.focus({ preventScroll: true });
    };
  }, [open, initialFocus, returnFocus]);

  return (
    <dialog
      ref={ref}
      // theme/modal.css styles every modal through `modal`; `className` adds the dialog's own.
      className={className ? `modal ${className}` : 'modal'}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // The dialog element itself is only hit on its backdrop: the content fills it.
        if (closeOnBackdrop && event.target === event.currentTarget) onClose();
      }}
    >
      {open && <div className="modal-body">{children}</div>}
    </dialog>
  );
}
