/**
 * "Open original": the core writes the stored original to a private temp copy named by its real
 * media type; Electron's shell opens it with the OS's default program. Thin on purpose.
 */
import { shell } from 'electron';
import { configureSystemViewer } from '../api/handlers/imports';
import { CommonplaceError } from '../core/errors';

export function installSystemViewer(): void {
  configureSystemViewer(async (path) => {
    const failure = await shell.openPath(path);
    if (failure)
      throw new CommonplaceError(
        'io_error',
        `could not open the original in the system viewer (${failure})`,
      );
  });
}
