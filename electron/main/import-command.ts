/** File → Import… and Import Folder…: the native picker, then a bulk-import job for the chosen paths. */
import { dialog, type BrowserWindow } from 'electron';
import type { Dispatch } from '../api/dispatch';
import { IMPORTABLE_EXTENSIONS } from './launch-files';

/** Every format the library imports first (the default filter), then "All files": detection goes by the bytes. */
export const IMPORT_FILE_FILTERS: Electron.FileFilter[] = [
  {
    name: 'Documents (text, Markdown, HTML, PDF, EPUB, Word)',
    extensions: [...IMPORTABLE_EXTENSIONS],
  },
  { name: 'All Files', extensions: ['*'] },
];

/**
 * `folders`: pick folders (imported recursively) instead of files; one dialog can't offer both on
 * Windows and Linux. The chosen paths go to a background job; its progress and report reach every
 * window as library events.
 */
export async function importWithDialog(
  win: BrowserWindow | undefined,
  dispatch: Dispatch,
  folders = false,
): Promise<void> {
  const options: Electron.OpenDialogOptions = {
    title: folders ? 'Import folders' : 'Import',
    buttonLabel: 'Import',
    properties: folders ? ['openDirectory', 'multiSelections'] : ['openFile', 'multiSelections'],
    ...(folders ? {} : { filters: IMPORT_FILE_FILTERS }),
  };
  const picked = win
    ? await dialog.showOpenDialog(win, options)
    : await dialog.showOpenDialog(options);
  if (picked.canceled || picked.filePaths.length === 0) return;

  const envelope = await dispatch('bulkImport.startPaths', { paths: picked.filePaths }, 'inproc');
  if (!envelope.ok) dialog.showErrorBox('Import failed', envelope.error.message);
}
