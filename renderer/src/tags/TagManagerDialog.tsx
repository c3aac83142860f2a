import { useRef, useState, type FormEvent } from 'react';
import type { Tag } from '../../../electron/model/tags';
import { invoke } from '../api/client';
import { useReportError, useToaster } from '../app/toasterContext';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Modal } from '../ui/Modal';
import { TAG_COLORS } from './tagColors';
import { TagDot } from './TagDot';
import { useTagList } from './useTags';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Create, rename, recolour, merge and delete tags. */
export function TagManagerDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { tags, refresh } = useTagList();
  const { show } = useToaster();
  const reportError = useReportError();
  const [name, setName] = useState('');
  const [deleting, setDeleting] = useState<Tag | null>(null);
  const newName = useRef<HTMLInputElement>(null);

  const run = async (call: () => Promise<unknown>, success?: string) => {
    try {
      await call();
      if (success) show('success', success);
      return true;
    } catch (error) {
      reportError(error);
      return false;
    } finally {
      refresh();
    }
  };

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return;
    if (await run(() => invoke('tags.create', { name }), `Tag “${name.trim()}” created`))
      setName('');
  };

  return (
    <Modal
      open={open}
      onClose={onClose}
      labelledBy="tag-manager-title"
      className="tag-manager"
      initialFocus={newName}
    >
      <h2 id="tag-manager-title">Manage tags</h2>
      <form className="tag-create" onSubmit={(event) => void create(event)}>
        <input
          ref={newName}
          type="text"
          aria-label="New tag name"
          placeholder="New tag name"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit">Create tag</button>
      </form>
      {tags.length === 0 ? (
        <p className="tags-empty">No tags yet.</p>
      ) : (
        <ul className="tag-manager-list">
          {tags.map((tag) => (
            <TagRow
              key={tag.id}
              tag={tag}
              others={tags.filter((t) => t.id !== tag.id)}
              run={run}
              onDelete={() => setDeleting(tag)}
            />
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete tag "${deleting?.name ?? ''}"?`}
        message={`${plural(deleting?.count ?? 0, 'passage carries', 'passages carry')} it. The passages stay.`}
        confirmLabel="Delete tag"
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          const tag = deleting;
          setDeleting(null);
          if (tag)
            void run(() => invoke('tags.delete', { name: tag.name }), `Tag “${tag.name}” deleted`);
        }}
      />
    </Modal>
  );
}

interface RowProps {
  tag: Tag;
  others: Tag[];
  run: (call: () => Promise<unknown>, success?: string) => Promise<boolean>;
  onDelete: () => void;
}

function TagRow({ tag, others, run, onDelete }: RowProps) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const [mergeInto, setMergeInto] = useState('');
  const renameInput = useRef<HTMLInputElement>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  // The chosen colour shows at once; the saved tag replaces it when the list refreshes.
  const [color, setColor] = useState({ saved: tag.color, shown: tag.color });
  if (color.saved !== tag.color) setColor({ saved: tag.color, shown: tag.color });
  const recolor = (value: string | null) => {
    setColor({ ...color, shown: value });
    void run(() => invoke('tags.recolor', { name: tag.name, color: value }));
  };

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    if (renaming === null) return;
    if (
      renaming.trim() === tag.name ||
      (await run(
        () => invoke('tags.rename', { from: tag.name, to: renaming }),
        `Renamed “${tag.name}” to “${renaming.trim()}”`,
      ))
    ) {
      setRenaming(null);
    }
  };

  return (
    <li className="tag-manager-row">
      <div className="tag-manager-name">
        {renaming === null ? (
          <>
            <TagDot color={color.shown} />
            <span className="tag-manager-label">{tag.name}</span>
            <span className="tag-manager-counts">
              {plural(tag.count, 'passage', 'passages')} ·{' '}
              {plural(tag.articleCount, 'article', 'articles')} ·{' '}
              {plural(tag.noteCount, 'note', 'notes')}
            </span>
            <button
              type="button"
              ref={renameButton}
              className="link-button"
              aria-label={`Rename ${tag.name}`}
              onClick={() => {
                setRenaming(tag.name);
                requestAnimationFrame(() => renameInput.current?.select());
              }}
            >
              Rename
            </button>
          </>
        ) : (
          <form
            className="tag-rename"
            onSubmit={(event) => void rename(event)}
            onKeyDown={(event) => {
              if (event.key !== 'Escape') return;
              event.preventDefault();
              event.stopPropagation();
              setRenaming(null);
            }}
          >
            <input
              ref={renameInput}
              type="text"
              aria-label={`New name for ${tag.name}`}
              value={renaming}
              onChange={(event) => setRenaming(event.target.value)}
            />
            <button type="submit">Save</button>
            <button type="button" onClick={() => setRenaming(null)}>
              Cancel
            </button>
          </form>
        )}
      </div>
      <div className="tag-manager-actions">
        <fieldset className="tag-colors">
          <legend className="sr-only">Colour of {tag.name}</legend>
          <label className="tag-color-option" title="No colour">
            <input
              type="radio"
              name={`color-${tag.id}`}
              checked={color.shown === null}
              onChange={() => recolor(null)}
            />
            <span className="tag-color-none" aria-hidden="true" />
            <span className="sr-only">No colour</span>
          </label>
          {TAG_COLORS.map((option) => (
            <label key={option.value} className="tag-color-option" title={option.name}>
              <input
                type="radio"
                name={`color-${tag.id}`}
                checked={color.shown?.toLowerCase() === option.value}
                onChange={() => recolor(option.value)}
              />
              <TagDot color={option.value} />
              <span className="sr-only">{option.name}</span>
            </label>
          ))}
        </fieldset>
        {others.length > 0 && (
          <span className="tag-merge">
            <select
              aria-label={`Merge ${tag.name} into`}
              value={mergeInto}
              onChange={(event) => setMergeInto(event.target.value)}
            >
              <option value="">Merge into…</option>
              {others.map((other) => (
                <option key={other.id} value={other.name}>
                  {other.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              disabled={mergeInto === ''}
              aria-label={`Merge ${tag.name}`}
              onClick={() =>
                void run(
                  () => invoke('tags.merge', { from: tag.name, into: mergeInto }),
                  `Merged “${tag.name}” into “${mergeInto}”`,
                )
              }
            >
              Merge
            </button>
          </span>
        )}
        <button
          type="button"
          className="danger-quiet"
          aria-label={`Delete tag ${tag.name}`}
          onClick={onDelete}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
