import { useId, useRef, useState, type FormEvent } from 'react';
import { Modal } from '../ui/Modal';

interface Props {
  title: string;
  label: string;
  confirmLabel: string;
  initial?: string;
  /** Names offered as the user types (existing collections). */
  suggestions?: readonly string[];
  onSubmit: (name: string) => void;
  onCancel: () => void;
}

/** Asks for a name (a collection's): the field has focus; an empty name can't be submitted. */
export function NameDialog({
  title,
  label,
  confirmLabel,
  initial = '',
  suggestions = [],
  onSubmit,
  onCancel,
}: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) onSubmit(name.trim());
  };
  return (
    <Modal
      open
      onClose={onCancel}
      labelledBy={`${id}-title`}
      className="name-dialog"
      initialFocus={input}
    >
      <form onSubmit={submit}>
        <h2 id={`${id}-title`}>{title}</h2>
        <label className="name-dialog-field">
          <span>{label}</span>
          <input
            ref={input}
            value={name}
            maxLength={100}
            list={suggestions.length ? `${id}-names` : undefined}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        {suggestions.length > 0 && (
          <datalist id={`${id}-names`}>
            {suggestions.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" disabled={!name.trim()}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
