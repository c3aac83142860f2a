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
  closeOnBackdrop?: boolean;
  /**
   * Called after opening, with the dialog element (e.g. to place it near what opened it); what it
   * returns runs when the dialog closes.
   */
  onOpened?: (dialog: HTMLDialogElement) => (() => void) | void;
  children: ReactNode;
}

/**
 * A modal built on <dialog>.showModal(): the browser traps focus and makes the rest of the page
 * inert; Escape closes; focus returns to where it was before opening.
 */
export function Modal({
  open,
  onClose,
  labelledBy,
  describedBy,
  className,
  initialFocus,
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
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const cleanup = onOpenedRef.current?.(dialog);
    initialFocus?.current?.focus();
    // Closing (or unmounting while open) hands focus back to where it was.
    return () => {
      cleanup?.();
      if (dialog.open) dialog.close();
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, [open, initialFocus]);

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
