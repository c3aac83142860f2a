/**
 * Import details: a Zotero export (CSL-JSON, BibTeX or RIS) picked as a file, sent as text to
 * `articles.importMeta`, which puts each entry's metadata on the article it matches. The answer
 * is shown as it is: what matched (and by what), what matched nothing, what matched several.
 * The toast offers Undo (also Ctrl/Cmd+Z), which puts each article's details back.
 */
import { useId, useRef, useState } from 'react';
import type { MetaImportReport } from '../../../electron/model/sourceMeta';
import { invoke } from '../api/client';
import { errorText } from '../api/errors';
import { useReportError } from '../app/toasterContext';
import { useUndoableDelete } from '../app/useUndoableDelete';
import { Modal } from '../ui/Modal';

type Outcome = { fileName: string } & (
  { report: MetaImportReport; problem?: undefined } | { problem: string; report?: undefined }
);

export function ImportDetailsButton() {
  const ids = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const offerUndo = useUndoableDelete();
  const reportError = useReportError();
  // Each article's import takes back its own edit, latest first (as each was one transaction).
  const undoImport = async (matched: MetaImportReport['matched']) => {
    try {
      for (const m of [...matched].reverse())
        await invoke('articles.setMeta', { id: m.articleId, patch: m.undo });
    } catch (error) {
      reportError(error);
    }
  };

  const importFile = async (file: File) => {
    setBusy(true);
    try {
      const text = await file.text();
      const report = await invoke('articles.importMeta', { fileName: file.name, text });
      setOutcome({ fileName: file.name, report });
      const changed = report.matched.filter((m) => m.fields.length);
      if (changed.length)
        offerUndo(
          `Details of ${changed.length} ${changed.length === 1 ? 'article' : 'articles'} imported`,
          () => void undoImport(changed),
          'Undo the import of details',
        );
    } catch (error) {
      setOutcome({ fileName: file.name, problem: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  const report = outcome?.report;
  return (
    <>
      <button type="button" disabled={busy} onClick={() => input.current?.click()}>
        {busy ? 'Importing details…' : 'Import details…'}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept=".json,.bib,.bibtex,.ris"
        aria-label="Import details from a Zotero export"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = ''; // so choosing the same file again still fires
          if (file) void importFile(file);
        }}
      />
      <Modal
        open={outcome !== null}
        onClose={() => setOutcome(null)}
        labelledBy={`${ids}-title`}
        className="meta-dialog"
      >
        <h2 id={`${ids}-title`}>Imported details</h2>
        {outcome?.problem !== undefined && (
          <p role="alert" className="meta-problem">
            {outcome.fileName}: {outcome.problem}
          </p>
        )}
        {report && (
          <div role="status">
            <p>
              {outcome.fileName}: details of {report.matched.length}{' '}
              {report.matched.length === 1 ? 'article' : 'articles'} updated.
            </p>
            {report.matched.length > 0 && (
              <ul aria-label="Matched">
                {report.matched.map((m) => (
                  <li key={`${m.articleId} ${m.entry}`}>
                    {m.entry} (by {m.by})
                  </li>
                ))}
              </ul>
            )}
            {report.unmatched.length > 0 && (
              <>
                <p>No article matched {report.unmatched.length}:</p>
                <ul aria-label="Unmatched">
                  {report.unmatched.map((entry) => (
                    <li key={entry}>{entry}</li>
                  ))}
                </ul>
              </>
            )}
            {report.ambiguous.length > 0 && (
              <>
                <p>Several articles matched {report.ambiguous.length}, left unchanged:</p>
                <ul aria-label="Ambiguous">
                  {report.ambiguous.map((a) => (
                    <li key={a.entry}>
                      {a.entry} ({a.articleIds.length} articles)
                    </li>
                  ))}
                </ul>
              </>
            )}
            {report.warnings?.length ? (
              <ul aria-label="Kept in part">
                {report.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            ) : null}
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" className="primary" onClick={() => setOutcome(null)}>
            Close
          </button>
        </div>
      </Modal>
    </>
  );
}
