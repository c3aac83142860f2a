/** File → Back Up Library…: a save dialog, then the `library.backup` call (same path as the CLI). */
import { dialog, type BrowserWindow } from 'electron';
import type { Output } from '../api/contract';
import type { Dispatch } from '../api/dispatch';
import { errorMessage } from '../core/errors';

function stamp(): string {
  return new Date().toISOString().slice(0, 10);
}

export async function backupWithDialog(
  win: BrowserWindow | undefined,
  dispatch: Dispatch,
): Promise<void> {
  const options = {
    title: 'Back Up Library',
    defaultPath: `Commonplace backup ${stamp()}.sqlite`,
    filters: [{ name: 'SQLite database', extensions: ['sqlite'] }],
  };
  const choice = win
    ? await dialog.showSaveDialog(win, options)
    : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return;
  const result = await dispatch('library.backup', { path: choice.filePath }, 'inproc');
  if (!result.ok) {
    dialog.showErrorBox('Backup failed', result.error.message);
    return;
  }
  const data = result.data as Output<'library.backup'>;
  const done = {
    type: 'info' as const,
    message: 'Library backed up',
    detail: `${data.path} (${(data.bytes / 1024 / 1024).toFixed(1)} MB, integrity checked)`,
  };
  await (win ? dialog.showMessageBox(win, done) : dialog.showMessageBox(done)).catch((e: unknown) =>
    console.error(errorMessage(e)),
  );
}
