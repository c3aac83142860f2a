import { useId, useMemo, useRef, useState } from 'react';
import type { CitationStyle, ExportFormat, ExportOptions } from '../../../electron/model/export';
import { useReportError, useToaster } from '../app/toasterContext';
import { useTagList } from '../tags/useTags';
import { Modal } from '../ui/Modal';
import { StyleSelect } from '../citations/StyleSelect';
import { FORMAT_OPTIONS, plural } from './formats';
import { useExportJob } from './useExportJob';
import { PREVIEW_EXCERPTS, useExportPreview } from './useExportPreview';

interface Props {
  open: boolean;
  onClose: () => void;
  /** The article open in the reader, offered as a filter. */
  articleId: string | null;
  /** The articles selected in the library (“3 articles”), offered as a filter and chosen. */
  selected?: { ids: readonly string[]; what: string } | null;
}

/** Choose passages and a format, see the first excerpts as they'll be written, and save. */
export function ExportDialog({ open, onClose, articleId, selected = null }: Props) {
  const ids = useId();
  const { tags } = useTagList();
  const { show } = useToaster();
  const reportError = useReportError();
  const [chosenTags, setChosenTags] = useState<string[]>([]);
  const [tagMode, setTagMode] = useState<'any' | 'all'>('any');
  const [onlyArticle, setOnlyArticle] = useState(false);
  const [onlySelected, setOnlySelected] = useState(selected !== null);
  const [search, setSearch] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [dateField, setDateField] = useState<'passage' | 'article'>('passage');
  const [format, setFormat] = useState<ExportFormat>('md');
  const [groupBy, setGroupBy] = useState<'source' | 'tag'>('source');
  const [style, setStyle] = useState<CitationStyle | null>(null);
  const formatRef = useRef<HTMLSelectElement>(null);

  const options: ExportOptions = useMemo(
    () => ({
      format,
      groupBy,
      style: style || undefined,
      selection: {
        tags: chosenTags,
        tagMode,
        articleIds:
          onlySelected && selected
            ? [...selected.ids]
            : onlyArticle && articleId
              ? [articleId]
              : [],
        search: search.trim() || undefined,
        dateField,
        from: from || undefined,
        to: to || undefined,
      },
    }),
    [
      format,
      groupBy,
      style,
      chosenTags,
      tagMode,
      onlyArticle,
      articleId,
      onlySelected,
      selected,
      search,
      dateField,
      from,
      to,
    ],
  );
  const preview = useExportPreview(options, open);
  const job = useExportJob(reportError);
  const running = job.state.status === 'running';

  const toggleTag = (name: string, on: boolean) =>
    setChosenTags((list) => (on ? [...list, name] : list.filter((t) => t !== name)));

  const save = async () => {
    const done = await job.run(options);
    if (done)
      show('success', `Exported ${plural(done.progress.count, 'excerpt')} to ${done.fileName}`);
  };

  const ready = preview.status === 'ready' ? preview.preview : null;
  const progress = job.state.status === 'idle' ? null : job.state.progress;

  return (
    <Modal
      open={open}
      onClose={running ? () => {} : onClose}
      labelledBy={`${ids}-title`}
      className="export-dialog"
      initialFocus={formatRef}
    >
      <h2 id={`${ids}-title`}>Export passages</h2>
      <div className="export-layout">
        <form className="export-choices" onSubmit={(e) => e.preventDefault()}>
          <div className="export-row">
            <label htmlFor={`${ids}-format`}>Format</label>
            <select
              id={`${ids}-format`}
              ref={formatRef}
              value={format}
              onChange={(e) => setFormat(e.target.value as ExportFormat)}
            >
              {FORMAT_OPTIONS.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="export-tags">
            <legend>Tags</legend>
            {tags.length === 0 ? (
              <p className="export-hint">No tags yet: every passage is exported.</p>
            ) : (
              <ul>
                {tags.map((t) => (
                  <li key={t.id}>
                    <label>
                      <input
                        type="checkbox"
                        checked={chosenTags.includes(t.name)}
                        onChange={(e) => toggleTag(t.name, e.target.checked)}
                      />
                      {t.name} <span className="export-count">({t.count})</span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
            {chosenTags.length > 1 && (
              <div className="export-inline" role="radiogroup" aria-label="Tag match">
                <label>
                  <input
                    type="radio"
                    name={`${ids}-mode`}
                    checked={tagMode === 'any'}
                    onChange={() => setTagMode('any')}
                  />{' '}
                  any of them
                </label>
                <label>
                  <input
                    type="radio"
                    name={`${ids}-mode`}
                    checked={tagMode === 'all'}
                    onChange={() => setTagMode('all')}
                  />{' '}
                  all of them
                </label>
              </div>
            )}
          </fieldset>
          {selected && (
            <label className="export-check">
              <input
                type="checkbox"
                checked={onlySelected}
                onChange={(e) => setOnlySelected(e.target.checked)}
              />{' '}
              Only {selected.what} selected in the library
            </label>
          )}
          {articleId && !selected && (
            <label className="export-check">
              <input
                type="checkbox"
                checked={onlyArticle}
                onChange={(e) => setOnlyArticle(e.target.checked)}
              />{' '}
              Only the article open in the reader
            </label>
          )}
          <div className="export-row">
            <label htmlFor={`${ids}-search`}>Matching search</label>
            <input
              id={`${ids}-search`}
              type="search"
              value={search}
              placeholder='words, "phrases", tag:x…'
              onChange={(e) => setSearch(e.target.value)}
            />
          </div>
          <fieldset className="export-dates">
            <legend>Dates</legend>
            <label>
              From <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            </label>
            <label>
              To <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
            </label>
            <label>
              Of{' '}
              <select
                value={dateField}
                onChange={(e) => setDateField(e.target.value as 'passage' | 'article')}
              >
                <option value="passage">the passage (when kept)</option>
                <option value="article">the source (published)</option>
              </select>
            </label>
          </fieldset>
          <div className="export-inline" role="radiogroup" aria-label="Group by">
            <span aria-hidden="true">Group by</span>
            <label>
              <input
                type="radio"
                name={`${ids}-group`}
                checked={groupBy === 'source'}
                onChange={() => setGroupBy('source')}
              />{' '}
              source
            </label>
            <label>
              <input
                type="radio"
                name={`${ids}-group`}
                checked={groupBy === 'tag'}
                onChange={() => setGroupBy('tag')}
              />{' '}
              tag
            </label>
          </div>
          <div className="export-row">
            <label htmlFor={`${ids}-style`}>Citations</label>
            <StyleSelect id={`${ids}-style`} value={style} onChange={setStyle} />
          </div>
        </form>
        <section className="export-preview-pane" aria-labelledby={`${ids}-preview`}>
          <h3 id={`${ids}-preview`}>Preview</h3>
          <p className="export-summary" role="status">
            {preview.status === 'loading' && 'Preparing the preview…'}
            {preview.status === 'error' && preview.message}
            {ready &&
              (ready.count === 0
                ? (ready.message ?? 'Nothing to export.')
                : `${plural(ready.count, 'excerpt')} from ${plural(ready.sources, 'source')}${ready.count > ready.shown ? ` · the first ${ready.shown} shown` : ''} · ${ready.fileName}`)}
            {ready && ready.count > 0 && ready.message ? ` · ${ready.message}` : ''}
          </p>
          <pre
            className="export-preview"
            tabIndex={0}
            aria-label={`Preview of the first ${PREVIEW_EXCERPTS} excerpts`}
            data-testid="export-preview"
          >
            {ready?.text ?? ''}
          </pre>
        </section>
      </div>
      {progress && (
        <div className="export-progress">
          <label htmlFor={`${ids}-progress`}>
            {job.state.status === 'saved'
              ? `Saved ${job.state.fileName}`
              : `Exporting ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()}…`}
          </label>
          <progress
            id={`${ids}-progress`}
            max={Math.max(1, progress.total)}
            value={job.state.status === 'saved' ? Math.max(1, progress.total) : progress.done}
          />
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose} disabled={running}>
          Close
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => void save()}
          disabled={running || preview.status !== 'ready'}
        >
          {running ? 'Exporting…' : 'Export…'}
        </button>
      </div>
    </Modal>
  );
}
