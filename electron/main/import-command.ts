/**
 * File → Import…: the native file picker, then an in-process import of the chosen paths.
 * The results go to the window the command came from as an `import-finished` event, so the
 * renderer reports failures the same way it does for drag and drop.
 */
import { dialog, type BrowserWindow } from 'electron';
import { z } from 'zod';
import { ImportResultSchema } from '../api/contract';
import type { Dispatch } from '../api/dispatch';
import { sendEvent } from './ipc';

const ImportResults = z.array(ImportResultSchema);

export const IMPORT_FILE_FILTERS: Electron.FileFilter[] = [
  { name: 'Articles (text, Markdown, HTML)', extensions: ['txt', 'md', 'markdown', 'html', 'htm'] },
];

export async function importWithDialog(win: BrowserWindow | undefined, dispatch: Dispatch): Promise<void> {
  const options: Electron.OpenDialogOptions = {
    title: 'Import',
    buttonLabel: 'Import',
    properties: ['openFile', 'multiSelections'],
    filters: IMPORT_FILE_FILTERS,
  };
  const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  if (picked.canceled || picked.filePaths.length === 0) return;

  const envelope = await dispatch('articles.importPaths', { paths: picked.filePaths }, 'inproc');
  if (!envelope.ok) {
    dialog.showErrorBox('Import failed', envelope.error.message);
    return;
  }
  const results = ImportResults.safeParse(envelope.data);
  if (!results.success) {
    dialog.showErrorBox('Import failed', 'The import returned results in an unexpected shape.');
    return;
  }
  if (win && !win.isDestroyed()) sendEvent(win, { type: 'import-finished', results: results.data });
}
