import type { Toast } from './useToasts';

interface Props {
  toasts: Toast[];
  onDismiss: (id: number) => void;
}

/**
 * Two live regions that always exist (so screen readers are listening before a toast arrives):
 * a polite status region for progress, successes and notices, an alert region for failures.
 */
export function Toasts({ toasts, onDismiss }: Props) {
  const errors = toasts.filter((toast) => toast.kind === 'error');
  const others = toasts.filter((toast) => toast.kind !== 'error');
  return (
    <div className="toasts">
      <div role="alert" className="toast-region">
        {errors.map((toast) => (
          <ToastItem key={toast.id} toast={toast} onDismiss={onDismiss} />
        ))}
      </div>
      <div role="status" aria-live="polite" className="toast-region">
        {others.map((toast) => (
          <ToastItem key={toast.id} toast={toast} onDismiss={onDismiss} />
        ))}
      </div>
    </div>
  );
}

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  return (
    <div className={`toast toast-${toast.kind}`}>
      <p className="toast-text">{toast.text}</p>
      {toast.action && (
        <button
          type="button"
          className="toast-action"
          aria-label={toast.action.ariaLabel}
          onClick={() => {
            toast.action?.run();
            onDismiss(toast.id);
          }}
        >
          {toast.action.label}
        </button>
      )}
      {toast.kind !== 'progress' && (
        <button
          type="button"
          className="toast-dismiss"
          aria-label="Dismiss notification"
          onClick={() => onDismiss(toast.id)}
        />
      )}
    </div>
  );
}
