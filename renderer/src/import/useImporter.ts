import { useCallback } from 'react';
import type { ImportResult } from '../../../electron/model/articles';
import { invoke } from '../api/client';
import { sourceUpdateText } from '../edit/reportText';
import { changedSourceText, sourceUpdateNotices } from './sourceUpdates';
import { failureText, successText, summarizeImport } from './summarizeImport';
import { uploadFiles } from './uploadFiles';
import { useSourceUpdate } from './useSourceUpdate';
import type { Toaster } from '../app/useToasts';
import { titleOrUntitled } from '../../../electron/model/titles';

/** Failure toasts beyond this many are folded into one "and N more" line. */
const MAX_FAILURE_TOASTS = 5;

interface Options {
  toaster: Toaster;
  /** Called with the article to open (first new one) after an import that added or found any. */
  onImported: (openId: string | null) => void;
}

export interface Importer {
  importFiles: (files: readonly File[]) => Promise<void>;
  /** Reports results of an import started elsewhere (the Electron menu). */
  report: (results: readonly ImportResult[]) => void;
}

export function useImporter({ toaster, onImported }: Options): Importer {
  const { show, dismiss } = toaster;
  const updateFromSource = useSourceUpdate(toaster);

  const report = useCallback(
    (results: readonly ImportResult[]) => {
      const summary = summarizeImport(results);
      summary.failures
        .slice(0, MAX_FAILURE_TOASTS)
        .forEach((failure) => show('error', failureText(failure)));
      const hidden = summary.failures.length - MAX_FAILURE_TOASTS;
      if (hidden > 0)
        show(
          'error',
          `…and ${hidden} more ${hidden === 1 ? 'file' : 'files'} could not be imported.`,
        );
      const success = successText(summary);
      if (success !== null) show('success', success);
      summary.warnings
        .slice(0, MAX_FAILURE_TOASTS)
        .forEach((warning) => show('notice', `Imported with a warning: ${warning}`));
      const unshown = summary.warnings.length - MAX_FAILURE_TOASTS;
      if (unshown > 0)
        show('notice', `…and ${unshown} more ${unshown === 1 ? 'warning' : 'warnings'}.`);
      // Files imported by path that changed since: offer to update, or say how the update went.
      for (const notice of sourceUpdateNotices(results)) {
        if (notice.kind === 'updated') {
          show('success', sourceUpdateText(notice.report));
          continue;
        }
        show('notice', changedSourceText(notice.title), {
          label: 'Update',
          ariaLabel: `Update “${titleOrUntitled(notice.title)}” from its source file`,
          run: () => void updateFromSource(notice.id),
        });
      }
      onImported(summary.openId);
    },
    [show, onImported, updateFromSource],
  );

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0) return;
      const progress = show(
        'progress',
        `Importing ${files.length} ${files.length === 1 ? 'file' : 'files'}…`,
      );
      try {
        report(
          await uploadFiles(files, (uploads) => invoke('articles.importFiles', { files: uploads })),
        );
      } finally {
        dismiss(progress);
      }
    },
    [show, dismiss, report],
  );

  return { importFiles, report };
}
