/**
 * Edit details: an article's citation metadata as a form, one control per field of META_FIELDS
 * (item type as a list, names one per line, dates as typed). Saving sends only the fields changed,
 * through the one `articles.setMeta` call; the toast offers Undo (also Ctrl/Cmd+Z), which sends
 * the patch the answer carried.
 */
import { useEffect, useId, useRef, useState } from 'react';
import {
  dateToText,
  nameToText,
  parseDateText,
  parseNameLines,
} from '../../../electron/model/metaText';
import {
  ITEM_TYPES,
  META_FIELDS,
  type CslName,
  type CslDate,
  type MetaField,
  type SourceMeta,
  type SourceMetaPatch,
} from '../../../electron/model/sourceMeta';
import { invoke } from '../api/client';
import { errorText } from '../api/errors';
import { useLibraryQuery } from '../app/useLibraryQuery';
import { useUndoableDelete } from '../app/useUndoableDelete';
import { Modal } from '../ui/Modal';

type Values = Record<string, string>;

function fieldText(f: MetaField, meta: SourceMeta): string {
  const v = meta[f.key];
  if (v === undefined) return '';
  if (f.kind === 'names') return (v as CslName[]).map(nameToText).join('\n');
  if (f.kind === 'date') return dateToText(v as CslDate);
  return String(v);
}

/** The changed fields as a patch; an emptied field clears its edit. Throws a field's message. */
function patchOf(initial: Values, values: Values): SourceMetaPatch {
  const patch: Record<string, unknown> = {};
  for (const f of META_FIELDS) {
    const text = values[f.key]!.trim();
    if (text === initial[f.key]!.trim()) continue;
    if (!text) patch[f.key] = null;
    else if (f.kind === 'names') patch[f.key] = parseNameLines([text]);
    else if (f.kind === 'date') {
      const d = parseDateText(text);
      if (!d.ok) throw new Error(`${f.label}: ${d.message}`);
      patch[f.key] = d.date;
    } else patch[f.key] = text;
  }
  return patch as SourceMetaPatch;
}

interface Props {
  articleId: string;
  open: boolean;
  onClose: () => void;
  /**
   * The metadata changed (saved or undone). Views that show it refetch on its change event
   * anyway; this is for what the event doesn't reach.
   */
  onChanged?: () => void;
}

export function EditDetailsDialog({ articleId, open, onClose, onChanged }: Props) {
  const ids = useId();
  const meta = useLibraryQuery('articles.meta', open ? { id: articleId } : null, null);
  // The form starts from each answer once; what is typed then stays until the next answer.
  const [form, setForm] = useState<{ from: object; initial: Values } | null>(null);
  const [values, setValues] = useState<Values>({});
  const [problem, setProblem] = useState<string | null>(null);
  const answer = meta.data;
  if (answer && form?.from !== answer) {
    const v = Object.fromEntries(META_FIELDS.map((f) => [f.key, fieldText(f, answer.effective)]));
    setForm({ from: answer, initial: v });
    setValues(v);
    setProblem(null);
  }
  if (!open && problem !== null) setProblem(null);
  const initial = answer && form?.from === answer ? form.initial : null;
  const shownProblem = problem ?? meta.error?.message ?? null;
  const [saving, setSaving] = useState(false);
  const firstRef = useRef<HTMLSelectElement>(null);
  const offerUndo = useUndoableDelete();

  useEffect(() => {
    if (initial) firstRef.current?.focus();
  }, [initial]);

  const save = async () => {
    if (!initial) return;
    let patch: SourceMetaPatch;
    try {
      patch = patchOf(initial, values);
    } catch (error) {
      setProblem(errorText(error));
      return;
    }
    if (!Object.keys(patch).length) return onClose();
    setSaving(true);
    try {
      const { undo } = await invoke('articles.setMeta', { id: articleId, patch });
      onClose();
      onChanged?.();
      offerUndo(
        'Details saved',
        () =>
          void invoke('articles.setMeta', { id: articleId, patch: undo }).then(
            () => onChanged?.(),
            () => onChanged?.(),
          ),
        'Undo the edit of the details',
      );
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setSaving(false);
    }
  };

  const set = (key: string, value: string) => setValues((v) => ({ ...v, [key]: value }));

  return (
    <Modal
      open={open}
      onClose={saving ? () => {} : onClose}
      labelledBy={`${ids}-title`}
      describedBy={`${ids}-hint`}
      className="meta-dialog"
    >
      <h2 id={`${ids}-title`}>Edit details</h2>
      <p id={`${ids}-hint`} className="meta-hint">
        What citations of this source say. Authors one per line as “Family, Given”; an organisation
        in braces, {'{'}like this{'}'}. Dates as 2024-06-18, 2024-06, 2024 or Spring 2019.
      </p>
      {shownProblem && (
        <p role="alert" className="meta-problem">
          {shownProblem}
        </p>
      )}
      {!initial ? (
        !shownProblem && <p role="status">Loading…</p>
      ) : (
        <form
          className="meta-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {META_FIELDS.map((f) => {
            // Not `${ids}-title`: that names the dialog's heading.
            const id = `${ids}-field-${f.flag}`;
            const value = values[f.key] ?? '';
            return (
              <div className="meta-row" key={f.key}>
                <label htmlFor={id}>{f.label}</label>
                {f.kind === 'type' ? (
                  <select
                    id={id}
                    ref={firstRef}
                    value={value}
                    onChange={(e) => set(f.key, e.target.value)}
                  >
                    {!value && <option value="">—</option>}
                    {Object.entries(ITEM_TYPES).map(([type, label]) => (
                      <option key={type} value={type}>
                        {label}
                      </option>
                    ))}
                  </select>
                ) : f.kind === 'names' ? (
                  <textarea
                    id={id}
                    rows={Math.min(6, Math.max(2, value.split('\n').length))}
                    value={value}
                    onChange={(e) => set(f.key, e.target.value)}
                  />
                ) : (
                  <input
                    id={id}
                    type="text"
                    value={value}
                    onChange={(e) => set(f.key, e.target.value)}
                  />
                )}
              </div>
            );
          })}
          <div className="dialog-actions">
            <button type="button" disabled={saving} onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={saving}>
              {saving ? 'Saving…' : 'Save'}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
